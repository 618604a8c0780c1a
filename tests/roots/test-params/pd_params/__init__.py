"""A small package documented by the test."""
