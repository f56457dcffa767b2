"""The `jobboard` command: the click group (main) and one module per family of commands."""
