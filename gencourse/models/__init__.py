"""Keras 3 models of the course (TensorFlow backend)."""

from gencourse.models.cgan import ConditionalGAN, make_conditional_gan
from gencourse.models.diffusion import DiffusionModel, load_diffusion, make_diffusion
from gencourse.models.gan import GAN, build_discriminator, build_generator, load_gan, make_gan
from gencourse.models.gaussian import ClassGaussians, LogisticClassifier, validation_sweep
from gencourse.models.judge import build_judge, load_judge
from gencourse.models.unet import build_unet
from gencourse.models.vae import VAE, Sampling, build_decoder, build_encoder, make_vae

__all__ = [
    "VAE",
    "Sampling",
    "build_encoder",
    "build_decoder",
    "make_vae",
    "GAN",
    "ConditionalGAN",
    "build_generator",
    "build_discriminator",
    "make_gan",
    "make_conditional_gan",
    "load_gan",
    "ClassGaussians",
    "LogisticClassifier",
    "validation_sweep",
    "build_judge",
    "load_judge",
    "DiffusionModel",
    "make_diffusion",
    "load_diffusion",
    "build_unet",
]
