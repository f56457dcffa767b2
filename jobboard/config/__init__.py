"""Where things live and what the user set: config.toml, the state file, one-time hints."""
