"""Ketnoi's domain and services: plain Python, no Qt. The desktop UI and the CLI both call it."""

__version__ = "0.1.0"
