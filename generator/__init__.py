"""coursewright: course YAML in, Markdown lessons, scenarios and quizzes out."""

from generator.loader import Layout, load_course
from generator.problems import ContentError, Problem
from generator.render import Page, Site, render_site

__all__ = ["ContentError", "Layout", "Page", "Problem", "Site", "load_course", "render_site"]
__version__ = "0.1.0"
