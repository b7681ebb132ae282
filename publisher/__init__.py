"""Publisher: draft once, publish to many networks, answer every reply from one inbox.

The ``publisher`` package is the core. It never imports Qt; the desktop UI lives in ``ui``.
"""

__version__ = "0.1.0"
APP_NAME = "Publisher"
APP_ID = "org.publisher.Publisher"
