"""Tiny untrained models that several test modules drive (the widgets, the callbacks).

Each is built once per module, from seed 0, with layers a few units wide: the
tests look at shapes, images and wiring, not at quality.
"""

import pytest


@pytest.fixture(scope="module")
def vae():
    import keras

    from gencourse.models import VAE

    keras.utils.set_random_seed(0)
    return VAE(latent_dim=2, hidden_units=(16,), seed=0)


@pytest.fixture(scope="module")
def gan():
    import keras

    from gencourse.models import gan as gan_lib

    keras.utils.set_random_seed(0)
    return gan_lib.GAN(
        gan_lib.build_generator(8, width=4), gan_lib.build_discriminator(width=4), latent_dim=8
    )


@pytest.fixture(scope="module")
def cgan():
    import keras

    from gencourse.models import gan as gan_lib
    from gencourse.models.cgan import ConditionalGAN

    keras.utils.set_random_seed(0)
    return ConditionalGAN(
        gan_lib.build_generator(8, num_classes=10, width=4),
        gan_lib.build_discriminator(num_classes=10, width=4),
        latent_dim=8,
    )
