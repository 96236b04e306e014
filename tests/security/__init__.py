"""Hardening: what an attacker could do through the site, and what the site now does instead."""
