package uk.gov.local.healthcheck.benchmark.query;

/** No data for what was asked: unknown round, unknown indicator, or every value missing. */
public class NoBenchmarkDataException extends RuntimeException {

    public NoBenchmarkDataException(String roundId, String indicatorId) {
        super("No authority has a value for indicator '" + indicatorId + "' in round '" + roundId + "'");
    }

    public NoBenchmarkDataException(String detail) {
        super(detail);
    }
}
