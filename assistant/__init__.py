"""Cited answers about crime and community safety from local government documents."""
