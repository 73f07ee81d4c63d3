"""eventdesk: news articles in, a sourced table of security incidents out."""

__version__ = "0.1.0"
