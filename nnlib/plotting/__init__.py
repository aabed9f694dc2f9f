"""Figures for the book, drawn with matplotlib from nnlib's own numbers.

One module per kind of picture; import from the module you need, e.g.
``from nnlib.plotting.training import plot_history``.

* ``activations`` -- activation functions and their derivatives;
* ``diagrams`` -- network diagrams (neurons, weights, biases);
* ``calculus`` -- derivatives, tangents and the chain rule;
* ``graphs`` -- the dependency graph of backpropagation;
* ``surfaces`` -- cost curves and surfaces with gradient-descent paths;
* ``training`` -- learning curves and digit images.

Plotting code only draws: every number comes from the rest of nnlib.
"""
