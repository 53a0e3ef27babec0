"""Loading trained models and features."""
import joblib
import numpy as np
import pandas
import torch
from joblib import load as load_estimator


def load_checkpoint(path):
    # positive: torch.load without weights_only
    return torch.load(path, map_location="cpu")  # [SEC004]


def load_legacy_checkpoint(path):
    # positive: weights_only=False
    return torch.load(path, weights_only=False)  # [SEC004]


def load_weights(path):
    # negative: torch.load with weights_only=True
    return torch.load(path, weights_only=True)


def load_embeddings(path):
    # positive: numpy.load with allow_pickle=True
    return np.load(path, allow_pickle=True)  # [SEC004]


def load_matrix(path):
    # negative: numpy.load without allow_pickle, or with allow_pickle=False
    return np.load(path), np.load(path, allow_pickle=False)


def load_frame(path):
    # positive: pandas.read_pickle
    return pandas.read_pickle(path)  # [SEC004]


def load_model(path):
    # positive: joblib.load
    return joblib.load(path)  # [SEC004]


def load_pipeline(path):
    # positive: joblib.load imported under another name
    return load_estimator(path)  # [SEC004]


def save_all(model, frame, path):
    # negative: saving is never flagged
    torch.save(model.state_dict(), path + ".pt")
    joblib.dump(model, path + ".joblib")
    frame.to_pickle(path + ".pkl")
    np.save(path + ".npy", frame.values)
