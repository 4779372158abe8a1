"""NextLead: turn job rejections into leads."""

__version__ = "0.1.0"
API_VERSION = 1
