"""Interactive explorers: sliders that nudge a network and show what changes.

Each explorer is an ipywidget in Jupyter and, in the built book, a live HTML
element driven by a small script (see :mod:`nnlib.explorers.base`).
"""
from .backprop import BackpropExplorer
from .gallery import ActivationGallery
from .learning_rate import LearningRateExplorer
from .network import NetworkExplorer
from .neuron import NeuronExplorer
from .playground import Playground
from .sgd import SGDExplorer

__all__ = ["ActivationGallery", "BackpropExplorer", "LearningRateExplorer",
           "NetworkExplorer", "NeuronExplorer", "Playground", "SGDExplorer"]
