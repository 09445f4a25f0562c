"""Build the outcome document of the GCM regional review in the Arab region from event summaries."""
