"""Format readers: each turns one file's bytes into pages of lines (``ReadResult``)."""
