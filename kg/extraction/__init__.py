"""From parsed text to actors and relations.

- :mod:`.text`: the text as it is parsed (furniture blanked, asides split off);
- :mod:`.gazetteer`: known actors and every name they go by;
- :mod:`.lexicon`: the words that signal relations (``kg/data/lexicon.json``);
- :mod:`.actors`: actor mentions; :mod:`.resolution`: their resolution to the article's actors;
- :mod:`.relations`: the driver that runs the rule table of :mod:`.rules` over each token.
"""
