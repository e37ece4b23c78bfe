package uk.gov.local.healthcheck.benchmark.query;

/** No authority has a value for the indicator in the round (unknown round, unknown indicator, or all missing). */
public class NoBenchmarkDataException extends RuntimeException {

    public NoBenchmarkDataException(String roundId, String indicatorId) {
        super("No authority has a value for indicator '" + indicatorId + "' in round '" + roundId + "'");
    }
}
