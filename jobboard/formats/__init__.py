"""Text in, text out: the exporters, the importer's parsing, text made safe to print."""
