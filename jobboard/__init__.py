"""jobboard: a keyboard-first terminal kanban for one job hunt."""

__version__ = "0.1.0"
