"""The diagnosis behind ``check_name``: how a typed text differs from the name a bank holds.

It runs in stages, each in one direction: the analysis finds plain values (which
difference, which words, which bank rule, how sure) and never imports the wording; only
the last stage turns the findings handed out into sentences. Read in this order, which
is the order the work is done in:

1. :mod:`.context`: what everything is compared against: the name, the bank, the
   candidates' texts (rendered as plain values) and the name's words as the bank writes
   them (:mod:`.name_words`, with their other spellings).
2. :mod:`.typed_text`: the typed characters read once; invisible characters, full-width
   forms, look-alike letters, accents and punctuation noted and undone; the words split off.
3. :mod:`.readings`: the typed text's readings (accents as the passport writes them, and
   dropped) and which one is weighed: the ICAO reading is first looked up among the
   candidate texts; the reading with accents dropped only when it can win (a proven rule).
4. :mod:`.candidate_words`: a candidate's difference from rank 1, known from its pattern
   without matching words (where the pattern does not say it, or the name's words cut more
   than one way, also the next two stages).
5. :mod:`.word_matching`: which typed word stands for which name word
   (:mod:`.edit_distance`: how far apart two words are, and where they first differ).
6. :mod:`.word_differences` and :mod:`.text_differences`: what differs, as findings
   (:mod:`.findings`: plain values that name phrases by key, never by text).
7. :mod:`.wording`: the findings returned, said as ``Problem`` models in English and
   Chinese, from sentences prepared once per bank (the wordings are in
   :mod:`wxpay_names.messages`).
"""
