"""Claim clusters: the same claim across outlets, and stories beyond syndicated copies."""
