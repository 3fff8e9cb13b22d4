"""Text-matching machinery shared by the stages: literal prefilters, pattern openings, token scans.

Nothing here knows about casualties or places: the stages hand it their words and patterns.
"""
