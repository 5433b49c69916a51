"""Words at the edge: how results, explanations and errors are said, in Chinese and in English.

The engine, the policy readers and the store return data (results, typed explanation steps, problems with a
code and their values); the modules of this package word them for the window, the PDF, the command line and
the exports, from one bilingual catalogue. Nothing below this layer makes a sentence for the user.
"""
