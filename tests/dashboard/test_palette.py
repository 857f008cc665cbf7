"""The batch colours stay apart in grayscale and under simulated colour-vision
deficiency: CIE Lab ΔE (CIE76) between every pair, and against the grey base."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from dashboard.map.palette import BATCH_COLOURS, EMPTY_FILL

BATCHES = (1, 2, 3)  # the three official batches; 12 is the "1 or 2" group

# Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
CVD = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                   [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                     [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                   [0.004733, 0.691367, 0.303900]],
}
SRGB_TO_XYZ = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722],
                        [0.0193, 0.1192, 0.9505]])
D65 = np.array([0.95047, 1.0, 1.08883])


def linear(hex_colour: str) -> np.ndarray:
    c = np.array([int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]) / 255
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def lab(lin: np.ndarray) -> np.ndarray:
    xyz = SRGB_TO_XYZ @ np.clip(lin, 0, 1) / D65
    d = 6 / 29
    f = np.where(xyz > d**3, np.cbrt(xyz), xyz / (3 * d * d) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def delta_e(a: str, b: str, vision: str) -> float:
    if vision == "grayscale":  # print: lightness only
        return float(abs(lab(linear(a))[0] - lab(linear(b))[0]))
    m = np.eye(3) if vision == "normal" else np.array(CVD[vision])
    return float(np.linalg.norm(lab(m @ linear(a)) - lab(m @ linear(b))))


# A floor per way of seeing: ≥ 40 is far apart for the common red-green deficiencies;
# tritanopia (rare) and grayscale (lightness alone) get lower floors that still read.
FLOORS = {"normal": 40, "protanopia": 40, "deuteranopia": 40, "tritanopia": 20,
          "grayscale": 15}


@pytest.mark.parametrize("vision", list(FLOORS))
def test_batches_and_base_stay_apart(vision: str) -> None:
    colours = [*(BATCH_COLOURS[b] for b in BATCHES), EMPTY_FILL]
    worst = min((delta_e(a, b, vision), a, b) for a, b in itertools.combinations(colours, 2))
    assert worst[0] >= FLOORS[vision], worst


def test_batches_differ_in_lightness_in_order() -> None:
    lightness = [lab(linear(BATCH_COLOURS[b]))[0] for b in BATCHES]
    assert lightness == sorted(lightness, reverse=True)  # batch 1 lightest, 3 darkest


def test_the_batch_1_or_2_group_stands_apart_in_normal_vision() -> None:
    others = [*(BATCH_COLOURS[b] for b in BATCHES), EMPTY_FILL]
    assert min(delta_e(BATCH_COLOURS[12], c, "normal") for c in others) >= FLOORS["normal"]


def test_the_check_can_fail() -> None:
    # the old batch 1 and 2 colours: 0.8 apart in grayscale
    assert delta_e("#E69F00", "#56B4E9", "grayscale") < FLOORS["grayscale"]
    # a green and a grey of equal lightness merge for a deuteranope
    assert delta_e("#009E73", "#8f8f8f", "deuteranopia") < FLOORS["deuteranopia"]
