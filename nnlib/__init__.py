"""nnlib: a small numpy library for feedforward networks and backpropagation.

One concept per module, each importing only the ones below it:

1. ``activations``, ``costs``, ``datasets``, ``planar`` (2-D sets of the
   Playground), ``features``, ``checks``, ``descent`` (gradient descent on any
   function) -- maths and data;
2. ``initializers``, ``network`` -- the network: forward pass and backprop;
3. ``params`` (all weights as one vector), ``optim`` (mini-batch SGD),
   ``trainer`` (SGD epoch by epoch in a shared batch order), ``gradcheck``,
   ``io`` (save/load), ``plotting`` -- what uses a network;
4. ``explorers`` (interactive widgets) and the command line (``cli``).
"""
from .activations import ACTIVATIONS, OUTPUT_ACTIVATIONS, get_activation, sigmoid, sigmoid_prime, softmax
from .costs import COSTS, get_cost, mse, sse
from .datasets import curve, load_digits, moons, one_hot, xor
from .gradcheck import gradcheck, numerical_gradient, relative_error
from .io import load, save
from .network import Network
from .optim import DivergenceWarning, History, sgd

__version__ = "0.1.0"
__all__ = ["ACTIVATIONS", "COSTS", "DivergenceWarning", "History", "Network", "OUTPUT_ACTIVATIONS",
           "curve", "get_activation", "get_cost", "gradcheck", "load",
           "load_digits", "moons", "mse", "numerical_gradient", "one_hot",
           "relative_error", "save", "sgd", "sigmoid", "sigmoid_prime", "softmax", "sse", "xor"]
