"""The diagnosis behind ``check_name``: how a typed text differs from the name a bank holds.

Read in this order, which is the order the work is done in:

- :mod:`.typed_text`: the typed characters read once; invisible characters, full-width
  forms, look-alike letters, accents and punctuation noted and undone; the words split off.
- :mod:`.name_words`: the name's words as the bank writes them, with their other spellings.
- :mod:`.word_matching`: which typed word stands for which name word.
- :mod:`.edit_distance`: how far apart two words are, and where they first differ.
- :mod:`.word_problems` and :mod:`.text_problems`: what was found, said as problems in
  English and Chinese (the wordings themselves are in :mod:`wxpay_names.messages`).
- :mod:`.context`: what every problem is said against: the name, the bank, its rank-1 text.
"""
