"""What staff run: the command line, scaffolds, the preview server and the quality report."""
