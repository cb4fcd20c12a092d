import { rule } from "../../../server/src/rules/base-image-deprecated";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: 'FROM node:18-alpine\nCMD ["node"]\n',
      messageId: "endOfLife",
      line: 1,
      token: "node:18-alpine",
      data: {
        image: "node:18-alpine",
        subject: "Node.js 18",
        since: "2025-04-30",
        asOf: "2026-11-22",
        source: "Node.js release schedule (github.com/nodejs/Release)",
        replacement: "'node:24'",
      },
      output: null,
    },
    { name: "deprecated image", code: "FROM openjdk:17-jdk-slim\n", messageId: "deprecated", line: 1, token: "openjdk:17-jdk-slim" },
    {
      name: "python 3.9",
      code: "FROM python:3.9-slim\n",
      messageId: "endOfLife",
      data: {
        image: "python:3.9-slim",
        subject: "Python 3.9",
        since: "2025-10-31",
        asOf: "2026-11-22",
        source: "Python devguide, status of Python versions",
        replacement: "'python:3.14'",
      },
    },
    { name: "EOL distribution in a variant suffix", code: "FROM ruby:3.3-slim-buster\n", messageId: "endOfLife", line: 1 },
    { name: "builder stage on an old Go", code: "FROM golang:1.22 AS build\nFROM scratch\n", messageId: "endOfLife", line: 1, token: "golang:1.22" },
    { name: "resolved through ARG", code: "ARG V=20\nFROM node:${V}-slim\n", messageId: "endOfLife", line: 2, token: "node:${V}-slim" },
    { name: "centos", code: "FROM centos:7\n", messageId: "endOfLife", line: 1 },
    { name: ".NET 8 past its end of support", code: "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n", messageId: "endOfLife", line: 1 },
  ],
  silent: [
    "FROM node:24-slim\n",
    "FROM python:3.13\n",
    "FROM golang:1.26-alpine\n",
    "FROM debian:bookworm-slim\n",
    "FROM ubuntu:24.04\n",
    "FROM eclipse-temurin:21-jre\n",
    "FROM alpine:3.22\n",
    "FROM scratch\n",
    "ARG V\nFROM node:${V}\n",
    "FROM ghcr.io/acme/node:18\n",
  ],
});
