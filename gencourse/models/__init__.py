"""Keras 3 models of the course (TensorFlow backend)."""

from gencourse.models.vae import VAE, Sampling, build_decoder, build_encoder

__all__ = ["VAE", "Sampling", "build_encoder", "build_decoder"]
