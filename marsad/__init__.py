"""Marsad: Arabic news about armed incidents in Iraq -> an incident dataset."""

__version__ = "0.1.0"
