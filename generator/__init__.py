"""cwexam: question bank tools for the community-worker study site."""

__version__ = "0.1.0"
