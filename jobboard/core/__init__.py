"""The pure job-hunt core: vocabulary, dates, validation, the advisor and its words, stats.

No textual, click, tinydb, network or file I/O here."""
