"""Localisation: the languages, the one rule for showing content in the reader's
language, who may edit which language, how far each page is translated, machine
translation, and each work-around for a wagtail-localize gap (one module each, named
for the gap, with the upstream issue and the test that shows when it can go)."""
