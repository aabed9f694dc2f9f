"""A fully connected feedforward network: forward pass, cost and backprop.

Layers are counted from 0, as in the book: layer 0 is the input and layer
L = len(sizes) - 1 the output.  The book's weight matrix W^(l) connects layer
l-1 to layer l, and its entry w_jk^(l) goes *to* neuron j *from* neuron k.

Index note: Python lists start at 0 but the first weight matrix is W^(1), so
``net.W[l-1]`` is the book's W^(l) and ``net.b[l-1]`` is b^(l).

Samples are rows.  For one sample the book writes the column vector
z^(l) = W^(l) a^(l-1) + b^(l) (eq. ``z-def``).  For n samples stacked as rows
of ``A`` the same equation reads ``Z = A @ W.T + b``, shape (n, sizes[l]).
"""
import numpy as np

from .activations import get_activation
from .checks import check_matrix, check_network, check_pair, check_positive, check_seed, check_sizes
from .costs import get_cost
from .initializers import initialize


class Network:
    """A feedforward network with weights ``W`` and biases ``b``.

    Parameters
    ----------
    sizes : list of int
        Layer widths, input first, e.g. ``[64, 30, 10]``.
    activation : str
        Activation g of the hidden layers (see :mod:`nnlib.activations`).
    output_activation : str or None
        Activation of the output layer; ``None`` means the same as
        ``activation``.
    seed : int
        Seed of the generator that draws the initial weights.
    init : {"random", "glorot", "constant"}
        How to draw the initial weights (see :mod:`nnlib.initializers`).

    Attributes
    ----------
    W : list of ndarray, ``W[l]`` of shape (sizes[l+1], sizes[l])
    b : list of ndarray, ``b[l]`` of shape (sizes[l+1],)
    """

    def __init__(self, sizes, activation="sigmoid", output_activation=None,
                 seed=0, init="random"):
        self.sizes = check_sizes(sizes)
        self.activation = activation
        self.output_activation = activation if output_activation is None else output_activation
        self.seed, self.init = check_seed(seed), init
        self.W, self.b = initialize(self.sizes, init, seed)

    def __repr__(self):
        return (f"Network(sizes={list(self.sizes)}, activation={self.activation!r}, "
                f"output_activation={self.output_activation!r})")

    @property
    def activation(self):
        """Name of the hidden layers' activation (settable)."""
        return self._hidden.name

    @activation.setter
    def activation(self, name):
        self._hidden = get_activation(name)

    @property
    def output_activation(self):
        """Name of the output layer's activation (settable)."""
        return self._output.name

    @output_activation.setter
    def output_activation(self, name):
        self._output = get_activation(name)

    @property
    def L(self):
        """Index of the output layer (number of weight matrices)."""
        return len(self.sizes) - 1

    def _g(self, l):
        """The activation used by layer l + 1 (code index l, see module note)."""
        return self._output if l == len(self.W) - 1 else self._hidden

    # ---- forward pass -------------------------------------------------
    def forward(self, X):
        """Output activations a^(L) for inputs X of shape (n, sizes[0]).

        Returns an array of shape (n, sizes[-1]).
        """
        A = self._check_X(X)
        for l in range(self.L):
            A = self._g(l).g(A @ self.W[l].T + self.b[l])   # a = g(W a + b)
        return A

    def forward_all(self, X):
        """Every layer's z and a for inputs X of shape (n, sizes[0]).

        Returns
        -------
        zs : list of L arrays; ``zs[l-1]`` is z^(l), shape (n, sizes[l])
        activations : list of L + 1 arrays; ``activations[l]`` is a^(l),
            shape (n, sizes[l]); ``activations[0]`` is X itself.
        """
        return self._forward_all(self._check_X(X))

    def _check_X(self, X):
        """X checked against the input layer, after the weights themselves."""
        check_network(self)
        return check_matrix("X", X, self.sizes[0], "features (the input layer's width)")

    def _check_XY(self, X, Y):
        """X and Y checked against the network, after the weights themselves."""
        check_network(self)
        return check_pair(self.sizes, X, Y)

    def _forward_all(self, X):
        zs, activations = [], [X]
        for l, (W, b) in enumerate(zip(self.W, self.b)):
            z = activations[-1] @ W.T + b                   # z = W a + b  (eq. z-def)
            zs.append(z)
            activations.append(self._g(l).g(z))             # a = g(z)     (eq. a-def)
        return zs, activations

    # ---- cost ---------------------------------------------------------
    def cost(self, X, Y, cost="mse", l2=0.0):
        """The cost C of the network on samples X with targets Y (a float).

        With ``l2`` = lambda > 0 the weight penalty (lambda/2) sum_l ||W^(l)||^2
        is added (weights only, not biases; see :func:`nnlib.sgd`).
        """
        X, Y = self._check_XY(X, Y)
        check_positive("l2", l2, allow_zero=True)
        return self._cost(X, Y, get_cost(cost), l2)

    def _cost(self, X, Y, cost, l2=0.0):
        """Unchecked :meth:`cost`."""
        C = cost.C(self._forward_all(X)[1][-1], Y)
        if l2:
            C += 0.5 * l2 * sum(float(np.sum(W * W)) for W in self.W)
        return C

    # ---- backward pass ------------------------------------------------
    def backprop(self, X, Y, cost="mse", l2=0.0):
        """Gradient of ``self.cost(X, Y, cost, l2)`` with respect to every W and b.

        For ``cost="mse"`` this is the average, over the rows of X, of the
        per-sample gradients (the mini-batch average of the backprop
        chapter).  The loop runs over layers only; all samples of the batch
        go through each step at once.  With ``l2`` = lambda each weight
        gradient gains lambda W (the biases' do not).

        Returns
        -------
        grad_W : list of ndarray, ``grad_W[l]`` shaped like ``W[l]``
        grad_b : list of ndarray, ``grad_b[l]`` shaped like ``b[l]``
        """
        X, Y = self._check_XY(X, Y)
        check_positive("l2", l2, allow_zero=True)
        return self._backprop(X, Y, get_cost(cost), l2=l2)

    def _backprop(self, X, Y, cost, grad_W=None, grad_b=None, l2=0.0):
        """Unchecked backprop; writes into ``grad_W``/``grad_b`` if given (see sgd)."""
        zs, activations = self._forward_all(X)
        L, W = len(self.W), self.W
        if grad_W is None:
            grad_W = [np.empty_like(w) for w in W]
            grad_b = [np.empty_like(b) for b in self.b]
        # output layer: delta^(L) = dC/da^(L) * sigma'(z^(L))        (eq. bp-delta-L)
        delta = cost.dC_dA(activations[L], Y) * self._output.g_prime(zs[L - 1], activations[L])
        for l in range(L - 1, -1, -1):
            # dC/dw_jk = a_k delta_j and dC/db_j = delta_j, summed over the batch's rows
            np.matmul(delta.T, activations[l], out=grad_W[l])   # (eq. bp-three-delta)
            np.sum(delta, axis=0, out=grad_b[l])
            if l2:
                grad_W[l] += l2 * W[l]                          # d/dW of (l2/2) ||W||^2
            if l > 0:
                # delta^(l-1) = (W^T delta^(l)) * sigma'(z^(l-1))           (eq. bp-delta)
                delta = (delta @ W[l]) * self._hidden.g_prime(zs[l - 1], activations[l])
        return grad_W, grad_b

    # ---- classification helpers ----------------------------------------
    def predict(self, X):
        """Predicted class of each row of X: the index of the largest output.

        With a single output neuron the class is 1 when a > 0.5, else 0.
        Returns an int array of shape (n,).
        """
        return labels_from(self.forward(X))

    def accuracy(self, X, Y):
        """Fraction of rows of X whose predicted class matches Y's.

        Y is one-hot of shape (n, sizes[-1]) (or (n, 1) with 0/1 targets).
        """
        X, Y = self._check_XY(X, Y)
        return float(np.mean(labels_from(self._forward_all(X)[1][-1]) == labels_from(Y)))

    # ---- parameters ---------------------------------------------------
    def copy(self):
        """An independent copy of the network (weights are copied)."""
        new = Network.__new__(Network)
        new.__dict__.update(self.__dict__)
        new.W = [W.copy() for W in self.W]
        new.b = [b.copy() for b in self.b]
        new._theta = None
        return new

    @property
    def n_params(self):
        """Total number of weights and biases."""
        return sum(W.size + b.size for W, b in zip(self.W, self.b))


def labels_from(A):
    """Class labels from outputs (or one-hot targets) of shape (n, m)."""
    if A.shape[1] == 1:
        return (A[:, 0] > 0.5).astype(int)
    return A.argmax(axis=1)
