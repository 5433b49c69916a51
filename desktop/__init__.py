"""Zhongshan foreign-trade support self-assessment (中山市稳外贸政策自评工具)."""

__version__ = "0.1.0"
APP_NAME = "zs-trade-support"
