"""The application's style sheet: readable on a projector, errors in red, one accent colour."""

STYLE = """
QLabel#pageHeading { font-size: 15pt; font-weight: bold; padding: 2px 0 8px 0; }
QLabel#questionLabel { font-weight: bold; }
QLabel#questionHelp { color: #555; }
QLabel#disclaimer { color: #555; border-top: 1px solid #ccc; padding-top: 4px; }
QLabel#policyLabel { font-weight: bold; }
QLabel#totalLabel { color: #0b57d0; }
QListWidget#steps { font-size: 11pt; }
QListWidget#steps::item { padding: 6px 4px; }
QListWidget#steps::item:selected { background: #0b57d0; color: white; }
QPushButton#primaryButton { font-weight: bold; }
QPushButton#linkButton { color: #0b57d0; text-decoration: underline; border: none; padding: 0 6px; }
QToolButton#glossaryButton { color: #0b57d0; }
QLineEdit[invalid="true"] { border: 2px solid #b3261e; border-radius: 3px; padding: 1px; }
"""
