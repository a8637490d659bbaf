"""teiedition: a generator of scholarly digital editions from TEI P5."""

__version__ = "0.1.0"
