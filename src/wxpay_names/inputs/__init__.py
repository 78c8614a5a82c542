"""Input stages: each module turns one kind of input into a ``PassportName``."""
