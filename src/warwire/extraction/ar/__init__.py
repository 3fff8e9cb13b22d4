"""The Arabic extraction path: rules over normalised tokens, producing the same model objects as English."""
