"""Reading the PETRARCH/TABARI dictionary formats (actors, agents, verbs, discards) and
turning what they hold into eventscribe's own knowledge (registry entries, lexicon
entries). Every line is either used or reported as skipped with file, line and reason."""
