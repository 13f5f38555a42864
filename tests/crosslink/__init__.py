"""Tests of the crosslink package."""
