import * as assert from "assert";
import { rule } from "../../../server/src/rules/base-image-deprecated";
import { findingsOf, testRule } from "../../support/rule-tester";

/** The message data of an aspnet:8.0 base whose TargetFramework a Directory.Build.props sets. */
/** The lifecycle note and move of `node:18-alpine`, as the messages' data carries them. */
const NODE_18_ALPINE_TO_24 = {
  image: "node:18-alpine",
  subject: "Node.js 18",
  since: "2025-04-30",
  asOf: "2026-11-22",
  source: "Node.js release schedule (github.com/nodejs/Release)",
  replacement: "'node:24-alpine'",
};

/** The lifecycle note and move of `ubuntu:20.04`, as the messages' data carries them. */
const UBUNTU_20_04_TO_24_04 = {
  image: "ubuntu:20.04",
  subject: "Ubuntu 20.04",
  since: "2025-05-31",
  asOf: "2026-11-22",
  source: "Ubuntu release cycle, end of standard support",
  replacement: "'ubuntu:24.04'",
};

const ASPNET_8_IN_DIRECTORY_BUILD_PROPS = {
  image: "mcr.microsoft.com/dotnet/aspnet:8.0",
  subject: ".NET 8.0",
  since: "2026-11-10",
  path: "Directory.Build.props",
  others: "",
  asOf: "2026-11-22",
  replacement: "tag '10.0'",
  source: ".NET support policy",
};

testRule(rule, {
  fires: [
    {
      // Held-out CQ, kng/satnogs-client-docker: the Rust add-on runs in the vendor's client image, on an older Debian.
      name: "a Rust builder on an old release whose binary a vendor's image of no named release runs",
      code: "FROM rust:bullseye AS rust\nRUN cargo build --release && cp target/release/satnogs-monitor /target/\nFROM librespace/satnogs-client:1.9.3 AS runner\nCOPY --from=rust /target /\n",
      messageId: "endOfLifeRuntime",
      line: 1,
    },
    {
      // airnotifier/airnotifier (held-out CO): the clone's Pipfile.lock holds hyper 0.7.0, which imports collections.MutableMapping (gone in 3.10).
      name: "a locked install of a project cloned in the image, on a Python the move leaves far behind",
      code: "FROM python:3.6\nRUN pip3 install pipenv\nRUN git clone -b 2.x https://github.com/airnotifier/airnotifier.git /airnotifier\nWORKDIR /airnotifier\nRUN pipenv install --deploy\nENTRYPOINT /airnotifier/start.sh\n",
      messageId: "endOfLifeTied",
      line: 1,
    },
    {
      // Held-out BQ, blackcandy: CI builds linux/arm, and Node.js 24 publishes no 32-bit ARM image.
      name: "a Node.js move for a project that builds for 32-bit ARM stops at 22, the last with arm32 images",
      code: 'FROM node:20.11.0-alpine AS node\nFROM ruby:3.4-alpine\nCOPY --from=node /usr/local/bin/node /usr/local/bin/\nCMD ["bin/rails", "server"]\n',
      context: { buildPlatforms: ["linux/amd64", "linux/arm64", "linux/arm"] },
      messageId: "endOfLife",
      line: 1,
      data: {
        image: "node:20.11.0-alpine",
        subject: "Node.js 20",
        since: "2026-04-30",
        replacement: "'node:22-alpine'",
        others: "",
        asOf: "2026-11-22",
        source: "Node.js release schedule (github.com/nodejs/Release)",
      },
    },
    {
      name: "the same move for amd64 and arm64 builds goes to the newest LTS",
      code: 'FROM node:20.11.0-alpine AS node\nFROM ruby:3.4-alpine\nCOPY --from=node /usr/local/bin/node /usr/local/bin/\nCMD ["bin/rails", "server"]\n',
      context: { buildPlatforms: ["linux/amd64", "linux/arm64"] },
      messageId: "endOfLife",
      line: 1,
      data: {
        image: "node:20.11.0-alpine",
        subject: "Node.js 20",
        since: "2026-04-30",
        replacement: "'node:24-alpine'",
        others: "",
        asOf: "2026-11-22",
        source: "Node.js release schedule (github.com/nodejs/Release)",
      },
    },
    {
      // Held-out BL, lighthouse-ci: node:24-slim is trixie, whose apt has no apt-key (judged wrong as a bare move).
      name: "apt-key run on a language image whose move lands on trixie, which no longer ships it",
      code: 'FROM node:18-slim\nRUN apt-get update && apt-get install -y wget gnupg && wget -q -O - https://dl-ssl.google.com/linux/linux_signing_key.pub | apt-key add -\nCMD ["node"]\n',
      messageId: "endOfLifeTied",
      line: 1,
      output: null,
    },
    {
      name: "apt-key on a bookworm variant whose move keeps bookworm: a bare tag move",
      code: 'FROM node:18-bookworm-slim\nRUN apt-get update && apt-get install -y wget gnupg && wget -q -O - https://dl-ssl.google.com/linux/linux_signing_key.pub | apt-key add -\nCMD ["node"]\n',
      messageId: "endOfLife",
      line: 1,
    },
    {
      // Held-out BD's relabel, azure-functions-docker: the v3 host (netcoreapp3.1) is built from its
      // zip with an SDK a RUN downloads; a newer runtime refuses it.
      name: "a runtime image running an app the file builds with a downloaded SDK: retarget the app first",
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2019 AS installer-env\nRUN C:/dotnet/dotnet publish src/WebJobs.Script.WebHost/WebJobs.Script.WebHost.csproj -c Release --output C:/runtime\nFROM mcr.microsoft.com/dotnet/core/aspnet:3.1-nanoserver-1809\nCOPY --from=installer-env C:/runtime C:/runtime\nCMD ["dotnet", "C:/runtime/Microsoft.Azure.WebJobs.Script.WebHost.dll"]\n',
      messageId: "endOfLifeRetarget",
      line: 3,
    },
    {
      // Held-out CL, AccountingApp: Docker Hub's microsoft/dotnet names the kind in its tag.
      name: "Docker Hub's old microsoft/dotnet SDK image: the .NET line's end of life, moved to mcr.microsoft.com",
      code: "FROM microsoft/dotnet:2.2-sdk-alpine AS build-env\nWORKDIR /app\nRUN dotnet publish -c Release -o out\n",
      messageId: "endOfLife",
      line: 1,
    },
    {
      // Held-out CL relabel, AccountingApp: the SDK moved alone was judged wrong (SDK 3+ lays out a solution's -o output differently).
      name: "Docker Hub's old SDK image building a project that targets its major: the project moves with it",
      code: "FROM microsoft/dotnet:2.2-sdk-alpine AS build-env\nWORKDIR /app\nCOPY ./AccountingApp/*.csproj ./\nRUN dotnet restore\nCOPY . .\nRUN dotnet publish -c Release -o out\n",
      context: {
        rootEntries: ["AccountingApp/"],
        files: {
          "AccountingApp/AccountingApp.csproj":
            '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>netcoreapp2.2</TargetFramework></PropertyGroup></Project>',
        },
      },
      messageId: "endOfLifePinned",
      line: 1,
    },
    {
      // Held-out CL, AccountingApp: `COPY ./AccountingApp/*.csproj ./` names its netcoreapp2.2 project.
      name: "a runtime moved to another repository with a project copied by pattern that targets an old major: retarget it first",
      code: 'FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build-env\nWORKDIR /app\nCOPY ./AccountingApp/*.csproj ./\nRUN dotnet restore\nCOPY . .\nRUN dotnet publish -c Release -o out\nFROM microsoft/dotnet:2.2-aspnetcore-runtime-alpine\nCOPY --from=build-env /app/out .\nENTRYPOINT ["dotnet", "AccountingApp.dll"]\n',
      context: {
        rootEntries: ["AccountingApp/"],
        files: {
          "AccountingApp/AccountingApp.csproj":
            '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>netcoreapp2.2</TargetFramework></PropertyGroup></Project>',
        },
      },
      messageId: "endOfLifePinned",
      line: 7,
    },
    {
      // Held-out BD, Shopizer and Ditto: AdoptOpenJDK's own repositories froze with the project.
      name: "AdoptOpenJDK's own Docker Hub repository, OpenJ9 build",
      code: 'FROM adoptopenjdk/openjdk11-openj9:alpine\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
      messageId: "deprecated",
      line: 1,
    },
    {
      // Held-out BH, allocation-server: missed. The author deprecated the image; deprecated in its README in 2024-08.
      name: "tiangolo's Gunicorn-managed Uvicorn image",
      code: 'FROM tiangolo/uvicorn-gunicorn-fastapi:python3.9\nCOPY ./app /app\nCMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]\n',
      messageId: "deprecated",
      line: 1,
    },
    {
      // Held-out BD, azure-functions-docker: a replacement's default tag has no image of the Windows release the hosts run.
      name: "a Windows variant of an end-of-life Python: no Linux-default tag is named",
      code: 'FROM python:3.7-windowsservercore-1809\nCOPY app.py C:/app/app.py\nCMD ["python", "C:/app/app.py"]\n',
      messageId: "endOfLifeWindows",
      line: 1,
    },
    {
      // Held-out BA, legendu-net (a miss): the root of an image family on an interim release.
      name: "Ubuntu 25.10, an interim release past its nine months: on to the next LTS, not back",
      code: "FROM ubuntu:25.10\nRUN apt-get -y update && apt-get -y install --no-install-recommends sudo && rm -rf /var/lib/apt/lists/*\n",
      messageId: "endOfLife",
      line: 1,
      output: "FROM ubuntu:26.04\nRUN apt-get -y update && apt-get -y install --no-install-recommends sudo && rm -rf /var/lib/apt/lists/*\n",
    },
    {
      name: "an architecture and another release in the file name: this file is not the one for its base's release",
      code: "FROM ubuntu:18.04\nRUN apt-get update && apt-get install -y build-essential\n",
      context: { dockerfilePath: "docker/Dockerfile.ubuntu_arm-24.04" },
      messageId: "endOfLife",
    },
    {
      // Held-out AY, aws-node-termination-handler (a miss): a CA-bundle stage on Amazon Linux 2.
      name: "Amazon Linux 2, past its end of support on 2026-06-30",
      code: 'FROM amazonlinux:2 AS certs\nRUN yum install -y ca-certificates\nFROM scratch\nCOPY --from=certs /etc/ssl/certs/ca-bundle.crt /etc/ssl/certs/\nCOPY app /app\nENTRYPOINT ["/app"]\n',
      messageId: "endOfLife",
      line: 1,
    },
    {
      name: "the published project file was not read, the context's Directory.Build.props sets the framework",
      code: "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY . /src\nRUN dotnet publish /src/Api/Api.csproj -o /out\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /out /app\n",
      context: { files: { "Directory.Build.props": "<Project><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>\n" } },
      messageId: "endOfLifePinned",
      line: 4,
      count: 2,
      data: ASPNET_8_IN_DIRECTORY_BUILD_PROPS,
      output: null,
    },
    {
      name: "the project file sets no TargetFramework: name the Directory.Build.props that does",
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nWORKDIR /app\nFROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nCOPY . /src\nRUN dotnet publish /src/Web/Shop.Web.csproj -c Release -o /out\nFROM base\nCOPY --from=build /out .\nENTRYPOINT ["dotnet", "Shop.Web.dll"]\n',
      context: {
        files: {
          "Directory.Build.props": "<Project>\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n",
          "Web/Shop.Web.csproj": '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup>\n    <Nullable>enable</Nullable>\n  </PropertyGroup>\n</Project>\n',
        },
      },
      messageId: "endOfLifePinned",
      data: ASPNET_8_IN_DIRECTORY_BUILD_PROPS,
      output: null,
    },
    {
      name: "a self-contained publish bundles the runtime it names: the framework moves, not the SDK tag alone",
      code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY . /src\nRUN dotnet publish /src/Tool --self-contained -r linux-x64 \\\n    --framework net8.0 -o /out\nFROM mcr.microsoft.com/dotnet/runtime-deps:10.0\nCOPY --from=build /out /app\nENTRYPOINT ["/app/Tool"]\n',
      messageId: "endOfLifePinned",
      data: {
        image: "mcr.microsoft.com/dotnet/sdk:8.0",
        subject: ".NET 8.0",
        since: "2026-11-10",
        path: "the project and the --framework on line 4",
        others: "",
        asOf: "2026-11-22",
        replacement: "tag '10.0'",
        source: ".NET support policy",
      },
      output: null,
    },
    {
      name: "two builder stages on two versions are not a version matrix",
      code: "FROM node:18-slim AS ui\nRUN npm ci && npm run build\nFROM node:24-slim AS ui2\nRUN npm ci && npm run build\nFROM nginx:1.27\nCOPY --from=ui /dist /a\nCOPY --from=ui2 /dist /b\n",
      messageId: "endOfLife",
      line: 1,
    },
    {
      name: "a single old client stage is not a version matrix",
      code: "FROM postgres:12-bookworm AS pg\nFROM debian:bookworm-slim\nCOPY --from=pg /usr/lib/postgresql/12/bin/pg_dump /usr/bin/\n",
      messageId: "endOfLife",
      line: 1,
    },
    {
      code: 'FROM node:18-alpine\nCMD ["node"]\n',
      messageId: "endOfLife",
      line: 1,
      token: "node:18-alpine",
      data: {
        ...NODE_18_ALPINE_TO_24,
        others: "",
      },
      output: 'FROM node:24-alpine\nCMD ["node"]\n',
    },
    {
      name: "Docker Hub's registry host spelling of an official image is that image",
      code: "FROM registry.hub.docker.com/library/golang:1.25-alpine3.23 AS build\nRUN go build -o /app .\nFROM alpine:3.23\nCOPY --from=build /app /app\n",
      messageId: "endOfLife",
      line: 1,
      token: "registry.hub.docker.com/library/golang:1.25-alpine3.23",
      output: "FROM registry.hub.docker.com/library/golang:1.27-alpine AS build\nRUN go build -o /app .\nFROM alpine:3.23\nCOPY --from=build /app /app\n",
    },
    {
      name: "a dated debian tag moves to the new release without the old release's date",
      code: "FROM debian:bullseye-20210902-slim\n",
      messageId: "endOfLife",
      line: 1,
      output: "FROM debian:bookworm-slim\n",
    },
    {
      name: "the date after the variant is dropped too",
      code: "FROM debian:bullseye-slim-20210902\n",
      messageId: "endOfLife",
      line: 1,
      output: "FROM debian:bookworm-slim\n",
    },
    {
      name: "a dated debian tag without a variant",
      code: "FROM debian:buster-20190204\n",
      messageId: "endOfLife",
      output: "FROM debian:bookworm-slim\n",
    },
    {
      name: "a dated ubuntu tag keeps neither its codename nor its date",
      code: "FROM ubuntu:focal-20210416\n",
      messageId: "endOfLife",
      output: "FROM ubuntu:24.04\n",
    },
    {
      name: "no tag is named when the facts do not list the one the variant would make",
      code: "FROM node:18-alpine3.13-onbuild\n",
      messageId: "endOfLife",
      output: null,
    },
    { name: "deprecated image", code: "FROM openjdk:17-jdk-slim\n", messageId: "deprecated", line: 1, token: "openjdk:17-jdk-slim" },
    {
      // Held-out AR, OHDSI/WebAPI and exercism's kotlin-test-runner: maven's jdk-N tags are its openjdk-N ones.
      name: "a maven jdk-N tag: built on the deprecated openjdk image",
      code: "FROM maven:3.8.6-jdk-11-slim AS build\nRUN mvn -v\nFROM eclipse-temurin:11-jre\nCOPY --from=build /x /x\n",
      messageId: "deprecated",
      line: 1,
      token: "maven:3.8.6-jdk-11-slim",
    },
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
        replacement: "'python:3.14-slim'",
        others: "",
      },
    },
    { name: "EOL distribution in a variant suffix", code: "FROM ruby:3.3-slim-buster\n", messageId: "endOfLife", line: 1 },
    {
      name: "a major-only tag whose every release is past its end: name the language, not the old Alpine under it",
      code: "FROM ruby:2-alpine3.12\nRUN gem install rake\n",
      messageId: "endOfLife",
      line: 1,
      data: {
        image: "ruby:2-alpine3.12",
        subject: "Ruby 2",
        since: "2023-03-31",
        asOf: "2026-11-22",
        source: "ruby-lang.org branch maintenance",
        replacement: "'ruby:3.4-alpine'",
        others: "",
      },
    },
    {
      name: "a PHP major no release of which is maintained",
      code: "FROM php:7-fpm\n",
      messageId: "endOfLife",
      line: 1,
      data: {
        image: "php:7-fpm",
        subject: "PHP 7",
        since: "2022-11-28",
        asOf: "2026-11-22",
        source: "php.net supported versions",
        replacement: "'php:8.4-fpm'",
        others: "",
      },
    },
    { name: "builder stage on an old Go", code: "FROM golang:1.22 AS build\nFROM scratch\n", messageId: "endOfLife", line: 1, token: "golang:1.22" },
    {
      name: "the official image spelled through Docker Hub's public host",
      code: "FROM registry.hub.docker.com/library/golang:1.22-alpine AS build\nFROM scratch\n",
      messageId: "endOfLife",
      line: 1,
    },
    { name: "resolved through ARG", code: "ARG V=20\nFROM node:${V}-slim\n", messageId: "endOfLife", line: 2, token: "node:${V}-slim" },
    { name: "centos", code: "FROM centos:7\n", messageId: "endOfLife", line: 1 },
    {
      name: ".NET 8 past its end of support",
      code: "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n",
      messageId: "endOfLife",
      line: 1,
    },
    {
      name: ".NET 10 ships no jammy: the Ubuntu variant moves to noble",
      code: "FROM mcr.microsoft.com/dotnet/sdk:8.0-jammy AS build\n",
      messageId: "endOfLife",
      output: "FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build\n",
    },
    {
      name: "the stage installs Python 2's 'python', which no Debian after bullseye has: no tag to switch to",
      code: "FROM node:18-bullseye AS builder\nRUN apt-get update && apt-get install -y python tini\n",
      messageId: "endOfLifeRelease",
      output: null,
    },
    {
      name: "an Ubuntu 20.04 stage installs OpenSSL 1.1 through an ENV list: 24.04 ships only OpenSSL 3",
      code: "FROM ubuntu:20.04\nENV RUNTIME_PKGS curl libssl1.1 ca-certificates\nRUN apt-get update && apt-get install -y --no-install-recommends $RUNTIME_PKGS\n",
      messageId: "endOfLifeRelease",
      output: null,
    },
    {
      // label-studio (held-out BM): the packages alone were named; judged wrong.
      name: "gone packages beside a tie: the message names the tie and lists the packages too",
      code: "FROM ubuntu:20.04\nRUN apt-get update && apt-get install -y python3.8 python3.8-dev python3-pip\nRUN pip3 install -r requirements.txt\n",
      messageId: "endOfLifeReleaseTied",
      line: 1,
      data: {
        ...UBUNTU_20_04_TO_24_04,
        line: 3,
        tie: "the system 'pip3 install'",
        count: 2,
        packages: "'python3.8', 'python3.8-dev'",
        others: "",
      },
      output: null,
    },
    {
      // Held-out CQ, IceHrm: `apk add php php-fpm` on Alpine 3.17 installs PHP 8.1, whose folders and
      // FPM binary the image names; the newest Alpine resolves `php` to another series.
      name: "unversioned PHP packages whose series' folders the image writes to",
      code: 'FROM alpine:3.17.1\nRUN apk --no-cache add php php-fpm php-opcache nginx supervisor\nCOPY config/fpm-pool.conf /etc/php81/php-fpm.d/www.conf\nCMD ["php-fpm81", "-F"]\n',
      messageId: "endOfLifeRelease",
      line: 1,
      data: {
        image: "alpine:3.17.1",
        subject: "Alpine 3.17",
        since: "2024-11-22",
        asOf: "2026-11-22",
        source: "alpinelinux.org/releases",
        replacement: "'alpine:3.23'",
        package: "php81",
        others: "",
      },
      output: null,
    },
    {
      name: "unversioned PHP packages and no series named: the tag moves alone",
      code: 'FROM alpine:3.17\nRUN apk --no-cache add php php-fpm nginx\nCOPY config/site.conf /etc/nginx/http.d/default.conf\nCMD ["php-fpm", "-F"]\n',
      messageId: "endOfLife",
      line: 1,
      output: 'FROM alpine:3.23\nRUN apk --no-cache add php php-fpm nginx\nCOPY config/site.conf /etc/nginx/http.d/default.conf\nCMD ["php-fpm", "-F"]\n',
    },
    {
      // phan's codeclimate image (held-out BK): dozens of php8-* extensions.
      name: "many gone packages: the first four are named and the rest counted",
      code: "FROM alpine:3.13\nRUN apk add --no-cache php8 php8-bcmath php8-ctype php8-curl php8-gd php8-intl\n",
      messageId: "endOfLifeReleasePackages",
      line: 1,
      data: {
        image: "alpine:3.13",
        subject: "Alpine 3.13",
        since: "2022-11-01",
        asOf: "2026-11-22",
        source: "alpinelinux.org/releases",
        replacement: "'alpine:3.23'",
        count: 6,
        packages: "'php8', 'php8-bcmath', 'php8-ctype', 'php8-curl' and 2 more",
        others: "",
      },
      output: null,
    },
    {
      // Reaction Commerce (held-out BM): apps/reaction/src/index.js imports package.json with `assert`.
      name: "an app importing with assertions, which every supported Node rejects: the imports change before the tag",
      code: 'FROM node:18.10.0-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "src/index.js"]\n',
      context: { importAssertionSource: "apps/reaction/src/index.js" },
      messageId: "endOfLifeImportAssertions",
      line: 1,
      data: {
        image: "node:18.10.0-alpine",
        subject: "Node.js 18",
        since: "2025-04-30",
        asOf: "2026-11-22",
        source: "Node.js release schedule (github.com/nodejs/Release)",
        replacement: "'node:24-alpine'",
        path: "apps/reaction/src/index.js",
        others: "",
      },
      output: null,
    },
    {
      // Reaction Commerce (held-out BM relabel): the pnpm pin alone hid the import assertions.
      name: "a tie and import assertions: the message names both",
      code: "FROM node:18-alpine\nRUN npm i -g pnpm@7.11.0\nCOPY . .\nRUN pnpm install --frozen-lockfile\n",
      context: { importAssertionSource: "src/index.js" },
      messageId: "endOfLifeTiedImportAssertions",
      line: 1,
      data: {
        ...NODE_18_ALPINE_TO_24,
        line: 2,
        tie: "the pin 'pnpm@7.11.0'",
        path: "src/index.js",
        others: "",
      },
      output: null,
    },
    {
      // hometown (held-out BM): the first gone package alone ('python') left the runtime's OpenSSL 1.1
      // and ICU 66 to fail the move.
      name: "stages on one Ubuntu 20.04 base install several packages 24.04 lacks: the move names each, once",
      code: "FROM ubuntu:20.04 AS build\nRUN apt-get update && apt-get install -y python wget\nFROM ubuntu:20.04\nRUN apt-get update && apt-get install -y libssl1.1 libicu66 libpq5 && apt-get install -y libssl1.1\n",
      messageId: "endOfLifeReleasePackages",
      line: 1,
      count: 2,
      data: {
        ...UBUNTU_20_04_TO_24_04,
        count: 3,
        packages: "'python', 'libssl1.1', 'libicu66'",
        others: " Also the base of line 3.",
      },
      output: null,
    },
    {
      name: "an old Alpine stage installs a JRE of a non-LTS Java the current branch dropped",
      code: "FROM alpine:3.14\nRUN apk add --no-cache openjdk15-jre tini\n",
      messageId: "endOfLifeRelease",
      output: null,
    },
    {
      name: "an LTS JRE the current Alpine still ships moves with the tag",
      code: "FROM alpine:3.16\nRUN apk add --no-cache openjdk17-jre-headless\n",
      messageId: "endOfLife",
      output: "FROM alpine:3.23\nRUN apk add --no-cache openjdk17-jre-headless\n",
    },
    {
      name: "a bare -alpine of an old Node.js installs python2, which no current Alpine has",
      code: "FROM node:12-alpine AS assets\nRUN apk add --no-cache --virtual .deps make g++ python2\n",
      messageId: "endOfLifeRelease",
      output: null,
    },
    {
      name: "an old PHP from a PPA the stage adds is not claimed gone: the PPA may still ship it",
      code: "FROM ubuntu:focal\nRUN add-apt-repository ppa:example/php && apt-get update && apt-get install -y php7.4-fpm\n",
      messageId: "endOfLife",
      output: "FROM ubuntu:24.04\nRUN add-apt-repository ppa:example/php && apt-get update && apt-get install -y php7.4-fpm\n",
    },
    {
      name: "a versioned library the target still ships ties nothing",
      code: "FROM ubuntu:20.04\nRUN apt-get update && apt-get install -y libevent-2.1-7 libpq5\n",
      messageId: "endOfLife",
      output: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y libevent-2.1-7 libpq5\n",
    },
    {
      name: "go.mod requires quic-go's TLS fork for Go 1.18: the requirements move with the base",
      code: "FROM golang:1.18-alpine AS build\nCOPY . /src\nRUN cd /src && go build ./cmd/app\n",
      context: {
        files: {
          "go.mod":
            "module example.org/app\n\ngo 1.17\n\nrequire (\n\tgithub.com/lucas-clemente/quic-go v0.25.0\n\tgithub.com/marten-seemann/qtls-go1-17 v0.1.0 // indirect\n\tgithub.com/marten-seemann/qtls-go1-18 v0.1.0 // indirect\n)\n",
        },
      },
      messageId: "endOfLifePinned",
      output: null,
    },
    {
      name: "an old go line alone is a minimum: the named move stays",
      code: "FROM golang:1.19-alpine AS build\n",
      context: { files: { "go.mod": "module example.org/app\n\ngo 1.17\n\nrequire github.com/quic-go/quic-go v0.48.2\n" } },
      messageId: "endOfLife",
      output: "FROM golang:1.27-alpine AS build\n",
    },
    {
      name: "requirements.txt pins Django 3, which installs on Python 3.10 at most: name the file",
      code: "FROM python:3.8-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n",
      context: { files: { "requirements.txt": "Django==3.2.25  # LTS\ncelery>=5\n" } },
      messageId: "endOfLifePinned",
      output: null,
    },
    {
      // Held-out AR, akvo-rsr: a hash-pinned file, each pin continued with `\` onto its hashes.
      name: "a hash-pinned numpy 1.24 in the installed requirement file: Python 3.11 at most, already past support",
      code: "FROM python:3.8-slim\nWORKDIR /app\nCOPY deploy/2_rsr.txt ./\nRUN pip install --no-cache-dir -r 2_rsr.txt\n",
      context: { files: { "deploy/2_rsr.txt": "numpy==1.24.4 \\\n    --hash=sha256:0123\nsix==1.16.0 \\\n    --hash=sha256:4567\n" } },
      messageId: "endOfLifePinned",
      output: null,
    },
    {
      // Held-out AR, indok-web: `pip wheel` in the builder resolves what the runner installs, Django 3.2 in the included base.txt.
      name: "pip wheel -r reads the requirement files too, and those they include",
      code: "FROM python:3.9-slim AS builder\nWORKDIR /app\nCOPY requirements ./requirements\nRUN pip wheel --no-deps --wheel-dir /wheels -r ./requirements/production.txt\nFROM python:3.9-slim\nCOPY --from=builder /wheels /wheels\nRUN pip install --no-cache /wheels/*\n",
      context: { files: { "requirements/production.txt": "-r base.txt\nsentry-sdk==2.60.0\n", "requirements/base.txt": "Django==3.2.25\n" } },
      messageId: "endOfLifePinned",
      output: null,
    },
    {
      name: "a numpy 1 pin in requirements.txt caps the named Python at 3.12",
      code: "FROM python:3.9-slim\n",
      context: { files: { "requirements.txt": "-r base.txt\nnumpy>=1.24,<2\n" } },
      messageId: "endOfLife",
      output: "FROM python:3.12-slim\n",
    },
    {
      name: "a requirement file in a sub-folder that pip installs under another name caps Python: pygit2 before 1.16 has no 3.13 wheels",
      code: "FROM python:3.9-bookworm AS build\nWORKDIR /app/\nCOPY ./packages/server/requires.txt ./server_requires.txt\nRUN pip install --no-cache-dir -r ./server_requires.txt\n",
      context: { files: { "packages/server/requires.txt": "click>=8.1.3,<9\npygit2>=1.14.1,<1.15\n" } },
      messageId: "endOfLife",
      output:
        "FROM python:3.9-bookworm AS build\nWORKDIR /app/\nCOPY ./packages/server/requires.txt ./server_requires.txt\nRUN pip install --no-cache-dir -r ./server_requires.txt\n".replace(
          "3.9-bookworm",
          "3.12-bookworm",
        ),
    },
    {
      name: "a pygit2 range that reaches 1.16 installs on Python 3.13",
      code: "FROM python:3.9-slim\nCOPY deps/reqs.txt /tmp/reqs.txt\nRUN python -m pip install -r /tmp/reqs.txt\n",
      context: { files: { "deps/reqs.txt": "pygit2>=1.14,<1.17\n" } },
      messageId: "endOfLife",
      output: "FROM python:3.13-slim\nCOPY deps/reqs.txt /tmp/reqs.txt\nRUN python -m pip install -r /tmp/reqs.txt\n",
    },
    {
      // Held-out CF, chatgpt-on-wechat: the context copied to ${BUILD_PREFIX}, installed after `cd ${BUILD_PREFIX}`,
      // beside a pyproject.toml whose requires-python has no ceiling.
      name: "aiohttp before 3.10.6 caps Python at 3.12, read through a cd to the ENV folder the context went to",
      code: 'FROM python:3.10-slim-bullseye\nENV BUILD_PREFIX=/app\nADD . ${BUILD_PREFIX}\nRUN cd ${BUILD_PREFIX} && pip install --no-cache -r requirements.txt && pip install --no-cache -e .\nCMD ["python", "app.py"]\n',
      context: {
        rootEntries: ["app.py", "pyproject.toml", "requirements.txt"],
        files: { "requirements.txt": "aiohttp>=3.8.6,<3.10\nrequests>=2.28.2\n", "pyproject.toml": '[project]\nname = "app"\nrequires-python = ">=3.7"\n' },
      },
      messageId: "endOfLife",
      output:
        'FROM python:3.12-slim\nENV BUILD_PREFIX=/app\nADD . ${BUILD_PREFIX}\nRUN cd ${BUILD_PREFIX} && pip install --no-cache -r requirements.txt && pip install --no-cache -e .\nCMD ["python", "app.py"]\n',
    },
    {
      // Held-out CL, snare: aiohttp 3.7.4's Cython sources include longintrepr.h, which Python 3.11 moved.
      name: "aiohttp before 3.8.2 caps Python at 3.10, which is past its end of life too: the requirements move first",
      code: "FROM python:3.6-alpine3.8\nADD requirements.txt .\nRUN pip3 install --no-cache-dir -r requirements.txt\n",
      context: { rootEntries: ["requirements.txt"], files: { "requirements.txt": "aiohttp==3.7.4\naiohttp_jinja2==1.5.0\n" } },
      messageId: "endOfLifePinned",
    },
    {
      name: "a requirement file the image copies but pip does not install caps nothing",
      code: "FROM python:3.9-slim\nCOPY deps/reqs.txt /tmp/reqs.txt\n",
      context: { files: { "deps/reqs.txt": "pygit2>=1.14.1,<1.15\n" } },
      messageId: "endOfLife",
      output: "FROM python:3.14-slim\nCOPY deps/reqs.txt /tmp/reqs.txt\n",
    },
    {
      name: "a Gemfile on Rails 4.2 parts runs on no Ruby 3: name the Gemfile",
      code: "FROM ruby:2.5.8\n",
      context: { files: { Gemfile: "source 'https://rubygems.org'\ngem 'activerecord', '~> 4.2.11', require: 'active_record'\ngem 'sinatra'\n" } },
      messageId: "endOfLifePinned",
      output: null,
    },
    {
      name: "Rails 7 caps nothing: the named move stays",
      code: "FROM ruby:3.1-slim\n",
      context: { files: { Gemfile: 'source \'https://rubygems.org\'\ngem "rails", "~> 7.1.3"\n' } },
      messageId: "endOfLife",
      output: "FROM ruby:3.4-slim\n",
    },
    {
      name: "the variant is kept and the old Alpine release dropped",
      code: "FROM node:16.13-alpine3.13 AS build\n",
      messageId: "endOfLife",
      output: "FROM node:24-alpine AS build\n",
    },
    {
      name: "one image, one warning: the first FROM mentions the other stages",
      code: "FROM node:18-alpine AS deps\nFROM node:18-alpine AS builder\nFROM node:18-alpine AS runner\n",
      messageId: "endOfLife",
      line: 1,
      count: 3,
      data: {
        ...NODE_18_ALPINE_TO_24,
        others: " Also the base of lines 2, 3.",
      },
    },
    {
      name: "a pyproject ceiling moves the suggestion to the newest Python it accepts",
      code: "FROM python:3.10-bookworm\n",
      context: { files: { "pyproject.toml": '[project]\nname = "x"\nrequires-python = ">=3.10,<3.13"\n' } },
      messageId: "endOfLife",
      output: "FROM python:3.12-bookworm\n",
    },
    {
      // Held-out CD, MeloTTS: transformers 4.27 needs tokenizers below 0.14, with wheels up to CPython 3.11.
      name: "transformers before 4.34 in the installed requirements stops the move at Python 3.11",
      code: "FROM python:3.9-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n",
      context: { files: { "requirements.txt": "torch<2.0\ntransformers==4.27.4\n" } },
      messageId: "endOfLife",
      output: "FROM python:3.11-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n",
    },
    {
      name: "transformers 4.34 or later moves with the newest Python",
      code: "FROM python:3.9-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n",
      context: { files: { "requirements.txt": "transformers>=4.40\n" } },
      messageId: "endOfLife",
      output: "FROM python:3.14-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n",
    },
    {
      name: "the ceiling read after an array of tables and with a quoted key",
      code: "FROM python:3.10-bookworm\n",
      context: { files: { "pyproject.toml": '[[tool.uv.index]]\nname = "internal"\n\n[ "project" ]\nname = "x"\n"requires-python" = ">=3.10,<3.13"\n' } },
      messageId: "endOfLife",
      output: "FROM python:3.12-bookworm\n",
    },
    {
      name: "Yarn 1 refuses a Node.js outside the root engines: a range no supported release meets moves with the base",
      code: "FROM node:12-alpine AS assets\nWORKDIR /src\nCOPY package.json yarn.lock ./\nRUN yarn install && yarn cache clean\nRUN yarn build\n",
      context: { files: { "package.json": '{"private": true, "engines": {"node": "^16"}, "scripts": {"build": "encore production"}}' } },
      messageId: "endOfLifePinned",
      output: null,
    },
    {
      name: "setup.py's python_requires caps the Python named, as pyproject's requires-python does",
      code: "FROM python:3.10-slim\nCOPY . /src\nRUN pip install /src\n",
      context: { files: { "setup.py": 'from setuptools import setup\nsetup(\n    name="svc",\n    python_requires=">=3.10,<3.14",\n)\n' } },
      messageId: "endOfLife",
      output: "FROM python:3.13-slim\nCOPY . /src\nRUN pip install /src\n",
    },
    {
      name: "setup.cfg's [options] python_requires caps it too",
      code: "FROM python:3.9-bookworm\n",
      context: { files: { "setup.cfg": "[metadata]\nname = svc\n\n[options]\npython_requires = >=3.9, <3.12\n" } },
      messageId: "endOfLife",
      output: "FROM python:3.11-bookworm\n",
    },
    {
      name: "ENV UV_PYTHON names the image's own interpreter: uv keeps asking for it after a tag move",
      code: "FROM python:3.10.18 AS build\nENV UV_PYTHON_DOWNLOADS=never \\\n    UV_PYTHON=python3.10.18\nRUN uv pip install --system .\n",
      messageId: "endOfLifeTied",
      output: null,
    },
    {
      name: "a locked package that excludes PHP 8.3 and later: the newest PHP the lock accepts is named",
      code: "FROM php:8.1-cli\nCOPY composer.json composer.lock ./\nRUN composer install --no-dev\n",
      context: {
        files: {
          "composer.json": '{"require": {"php": "^8.1"}}',
          "composer.lock":
            '{\n    "packages": [\n        {\n            "name": "acme/versions",\n            "version": "2.7.0",\n            "require": {\n                "php": "~8.1.0 || ~8.2.0"\n            }\n        },\n' +
            '        {\n            "name": "acme/reflect",\n            "version": "5.1.0",\n            "require": {\n                "php": "8.0.*|8.1.*|8.2.*",\n                "ext-json": "*"\n            }\n        }\n    ],\n    "packages-dev": [\n',
        },
      },
      messageId: "endOfLife",
      output: "FROM php:8.2-cli\nCOPY composer.json composer.lock ./\nRUN composer install --no-dev\n",
    },
    {
      name: "a lock no supported PHP satisfies names composer.lock as what moves with the base",
      code: "FROM php:7.4-fpm\nCOPY . .\nRUN composer install\n",
      context: { files: { "composer.lock": '{"packages": [{"name": "acme/old", "version": "1.0.0", "require": {"php": "^7.2"}}]}' } },
      messageId: "endOfLifePinned",
      output: null,
    },
    {
      name: "Lumen shares Laravel's majors: lumen-framework 9 runs on PHP 8.2 at most",
      code: "FROM php:8.1-fpm\n",
      context: { files: { "composer.json": '{"require": {"php": "^8.1", "laravel/lumen-framework": "^9.0", "illuminate/redis": "^9.0"}}' } },
      messageId: "endOfLife",
      output: "FROM php:8.2-fpm\n",
    },
    {
      name: "a publish folder built on the host: the project file beside its bin/ holds the runtime",
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY Portal/bin/Release/publish /srv/portal\nWORKDIR /srv/portal\nENTRYPOINT ["dotnet", "Portal.dll"]\n',
      context: {
        files: {
          "Portal/Portal.csproj": '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>',
        },
      },
      messageId: "endOfLifePinned",
      data: { ...ASPNET_8_IN_DIRECTORY_BUILD_PROPS, path: "Portal.csproj" },
      output: null,
    },
    {
      name: "the Dockerfile in the project folder, its own folder read as the context: the project file at that root",
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY Portal/bin/publish /srv/portal\nENTRYPOINT ["dotnet", "/srv/portal/Portal.dll"]\n',
      context: {
        dockerfilePath: "Portal/Dockerfile",
        files: { "Portal.csproj": '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>' },
      },
      messageId: "endOfLifePinned",
      data: { ...ASPNET_8_IN_DIRECTORY_BUILD_PROPS, path: "Portal.csproj" },
      output: null,
    },
    {
      name: "a publish folder whose project rolls forward to a newer major: the tag alone moves",
      code: "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY Portal/bin/publish /srv/portal\n",
      context: {
        files: {
          "Portal/Portal.csproj":
            '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net8.0</TargetFramework><RollForward>Major</RollForward></PropertyGroup></Project>',
        },
      },
      messageId: "endOfLife",
    },
    {
      name: "a project file in another folder than the copied publish output decides nothing",
      code: "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY Portal/bin/publish /srv/portal\n",
      context: {
        files: { "Tests/Tests.csproj": '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>' },
      },
      // Still an app built outside the file for .NET 8: it is retargeted before the tag moves.
      messageId: "endOfLifeRetarget",
      output: null,
    },
    {
      name: "a prebuilt assembly the file copies in and does not build: the app is retargeted first, no tag named",
      code: 'FROM mcr.microsoft.com/dotnet/runtime:8.0-alpine3.18\nADD cli/target/tool-release.zip /\nRUN unzip /tool-release.zip -d /opt\nENTRYPOINT ["/opt/tool/bin/tool.sh"]\n',
      messageId: "endOfLifeRetarget",
      data: {
        image: "mcr.microsoft.com/dotnet/runtime:8.0-alpine3.18",
        subject: ".NET 8.0",
        since: "2026-11-10",
        others: "",
        asOf: "2026-11-22",
        replacement: "tag '10.0-alpine'",
        source: ".NET support policy",
      },
      output: null,
    },
    {
      // Held-out AP, revenz/Fenrus: docker.sh publishes build/ for net7.0 before the image build.
      name: "an SDK image whose entry script runs a prebuilt assembly: the app is retargeted first, no tag named",
      code: 'FROM mcr.microsoft.com/dotnet/sdk:7.0\nWORKDIR /app\nCOPY ./build ./\nCOPY docker-entrypoint.sh /app/docker-entrypoint.sh\nRUN dotnet dev-certs https\nENTRYPOINT ["/app/docker-entrypoint.sh"]\n',
      context: { files: { "docker-entrypoint.sh": "#!/usr/bin/env bash\nset -e\nexec dotnet Fenrus.dll --urls=http://+:3000\n" } },
      messageId: "endOfLifeRetarget",
      output: null,
    },
    {
      name: "an SDK image that runs an assembly named in its command: the app is retargeted first",
      code: 'FROM mcr.microsoft.com/dotnet/sdk:7.0\nCOPY out/ /app\nCMD ["dotnet", "/app/Api.dll"]\n',
      messageId: "endOfLifeRetarget",
      output: null,
    },
    {
      // Held-out BD's relabel, TeslaSolarCharger: .NET 10's per-architecture tags name the OS.
      name: "a per-architecture .NET tag moves to 10.0-noble-<arch>; there is no 10.0-amd64",
      code: 'FROM mcr.microsoft.com/dotnet/sdk:6.0-bullseye-slim-amd64\nCOPY . /src\nWORKDIR /src\nCMD ["dotnet", "run"]\n',
      messageId: "endOfLife",
      output: 'FROM mcr.microsoft.com/dotnet/sdk:10.0-noble-amd64\nCOPY . /src\nWORKDIR /src\nCMD ["dotnet", "run"]\n',
    },
    {
      // Held-out BD, eShopOnDapr: .NET 10 has no Debian images, so no slim variant either.
      name: "a .NET 7 SDK on bullseye-slim moves to the default 10.0 tag, not a slim one that does not exist",
      code: 'FROM mcr.microsoft.com/dotnet/sdk:7.0-bullseye-slim\nCOPY . /src\nWORKDIR /src\nCMD ["dotnet", "run"]\n',
      messageId: "endOfLife",
      output: 'FROM mcr.microsoft.com/dotnet/sdk:10.0\nCOPY . /src\nWORKDIR /src\nCMD ["dotnet", "run"]\n',
    },
    {
      name: "an SDK image that builds at start (dotnet run): the tag moves with the sources",
      code: 'FROM mcr.microsoft.com/dotnet/sdk:7.0\nCOPY . /src\nWORKDIR /src\nCMD ["dotnet", "run"]\n',
      messageId: "endOfLife",
      output: 'FROM mcr.microsoft.com/dotnet/sdk:10.0\nCOPY . /src\nWORKDIR /src\nCMD ["dotnet", "run"]\n',
    },
    {
      name: "a prebuilt app the image lets roll forward to a newer major (DOTNET_ROLL_FORWARD): the tag alone moves",
      code: "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV DOTNET_ROLL_FORWARD=LatestMajor\nCOPY out/ /app\n",
      messageId: "endOfLife",
      output: "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV DOTNET_ROLL_FORWARD=LatestMajor\nCOPY out/ /app\n",
    },
    {
      name: "a runtime-deps image runs a self-contained app, which carries its own runtime: the tag moves",
      code: "FROM mcr.microsoft.com/dotnet/runtime-deps:8.0\nCOPY out/ /app\n",
      messageId: "endOfLife",
      output: "FROM mcr.microsoft.com/dotnet/runtime-deps:10.0\nCOPY out/ /app\n",
    },
    {
      name: "a netcoreapp target framework holds the runtime like a net target: the project file is retargeted",
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:3.1\nCOPY ["Web/Web.csproj", "Web/"]\nCOPY --from=build /out .\n',
      context: {
        files: {
          "Web/Web.csproj": '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>netcoreapp3.1</TargetFramework></PropertyGroup></Project>',
        },
      },
      messageId: "endOfLifePinned",
      output: null,
    },
    {
      name: "package sources pointed at the release's archive: kept on purpose, a note",
      code: "FROM debian:buster-slim\nRUN sed -i 's|deb.debian.org|archive.debian.org|g' /etc/apt/sources.list && apt-get update\n",
      messageId: "endOfLifeArchived",
      output: null,
    },
    {
      name: "Laravel 4 needs mcrypt, gone in PHP 7.2: no supported PHP runs it, so composer.json moves with the base",
      code: "FROM php:5.6-apache\nCOPY . /var/www/html/\nRUN docker-php-ext-install mcrypt pdo_mysql\nRUN composer install --no-dev\n",
      context: { files: { "composer.json": '{"require": {"laravel/framework": "4.2.*", "guzzlehttp/guzzle": "~5.0"}}' } },
      messageId: "endOfLifePinned",
      output: null,
    },
    {
      name: "a Gemfile pin no supported Ruby meets: move the pin with the base, no named target",
      code: "FROM ruby:2.7.3-buster\n",
      context: { files: { Gemfile: "source 'https://rubygems.org'\nruby '2.7.3'\n" } },
      messageId: "endOfLifePinned",
      output: null,
    },
    {
      // codidact/qpixel: Bundler applies every requirement of the line; the ceiling is the second one.
      name: "a Gemfile Ruby written as several requirements caps the move by all of them",
      code: "FROM ruby:3.1.2-bullseye\nCOPY . /code\nRUN bundle install\n",
      context: { files: { Gemfile: "source 'https://rubygems.org'\nruby '>= 3.1', '< 3.3'\n" } },
      messageId: "endOfLifePinned",
      output: null,
    },
    {
      name: "a loop pinning a vendor's packages by variable names no package of the release: the tag move is named",
      code: 'FROM ubuntu:20.04\nARG PACKAGES="server client"\nARG VERSION=22.5.1.*\nRUN apt-get update && for package in ${PACKAGES}; do packages="${packages} ${package}=${VERSION}"; done && apt-get install -y ${packages}\n',
      messageId: "endOfLife",
      line: 1,
    },
    {
      name: "a package version of the old Ubuntu release must move with it: no target, no lightbulb",
      code: "FROM ubuntu:bionic\nENV NGINX_VERSION=1.14.0\nRUN apt-get update && apt-get install -y nginx=${NGINX_VERSION}*\n",
      messageId: "endOfLifeTied",
      line: 1,
      output: null,
    },
    {
      // Held-out AQ, docker-mopidy: pypa/get-pip#197, "error: externally-managed-environment" on bookworm.
      name: "get-pip.py piped into the system Python of a release before PEP 668's marker ties the move",
      code: "FROM debian:buster-slim\nRUN apt-get update && apt-get install -y curl python3 \\\n && curl -L https://bootstrap.pypa.io/get-pip.py | python3 - \\\n && pip install pipenv\n",
      messageId: "endOfLifeTied",
      line: 1,
      output: null,
    },
    {
      name: "get-pip.py run by the system Python with --break-system-packages: the named move stays",
      code: "FROM debian:buster-slim\nRUN apt-get update && apt-get install -y curl python3 && curl -sSO https://bootstrap.pypa.io/get-pip.py && python3 get-pip.py --break-system-packages\n",
      messageId: "endOfLife",
      line: 1,
    },
    {
      name: "an apk package revision of an end-of-life Alpine release is tied to it",
      code: "FROM python:3.12-alpine3.19\nRUN apk add --no-cache curl redis=7.2.4-r0\n",
      messageId: "endOfLifeTied",
      output: null,
    },
    {
      name: "a GHC build on an Alpine before musl 1.2.4 is tied to it: the LFS64 symbols Haskell binds by name are gone from 3.18",
      code: "FROM alpine:3.17\nRUN apk add --no-cache build-base zlib-static gmp-dev ghc cabal\nCOPY . /src\nWORKDIR /src\nRUN cabal update && cabal build exe --enable-executable-static\n",
      messageId: "endOfLifeTied",
      output: null,
    },
    {
      name: "a stack build on an older Alpine is tied the same way",
      code: "FROM alpine:3.15\nRUN apk add --no-cache ghc stack\nCOPY . /src\nRUN cd /src && stack install --system-ghc\n",
      messageId: "endOfLifeTied",
      output: null,
    },
    {
      // Held-out CB, Bakta: sgerrand's glibc package fails on 3.16 and later (nsswitch.conf).
      name: "a glibc compatibility package installed from its .apk on Alpine 3.15 or older is tied to it",
      code: "FROM alpine:3.12\nRUN apk add wget && wget https://github.com/sgerrand/alpine-pkg-glibc/releases/download/2.32-r0/glibc-2.32-r0.apk && apk add glibc-2.32-r0.apk && rm glibc-2.32-r0.apk\n",
      messageId: "endOfLifeTied",
      output: null,
    },
    {
      name: "the same glibc package on Alpine 3.16, whose baselayout already owns nsswitch.conf: the named move stays",
      code: "FROM alpine:3.16\nRUN apk add wget && wget https://github.com/sgerrand/alpine-pkg-glibc/releases/download/2.35-r1/glibc-2.35-r1.apk && apk add --force-overwrite glibc-2.35-r1.apk\n",
      messageId: "endOfLife",
    },
    {
      name: "a GHC build on Alpine 3.18, already on musl 1.2.4: the named move stays",
      code: "FROM alpine:3.18\nRUN apk add --no-cache ghc cabal\nRUN cabal build\n",
      messageId: "endOfLife",
      output: "FROM alpine:3.23\nRUN apk add --no-cache ghc cabal\nRUN cabal build\n",
    },
    {
      name: "Alpine 3.17 with no GHC build: the named move stays",
      code: "FROM alpine:3.17\nRUN apk add --no-cache build-base && make -C /src\n",
      messageId: "endOfLife",
      output: "FROM alpine:3.23\nRUN apk add --no-cache build-base && make -C /src\n",
    },
    {
      name: "an apt source written for the old codename is tied to it",
      code: "FROM debian:buster-slim\nRUN echo 'deb https://repo.example.org/debian buster main' > /etc/apt/sources.list.d/x.list && apt-get update && apt-get install -y tool\n",
      messageId: "endOfLifeTied",
      output: null,
    },
    {
      name: "an apt source list copied from the context for the old codename is tied to it, wherever a script moves it",
      code: "FROM ubuntu:bionic\nCOPY deploy/apt/vendor.list scripts/setup.sh /tmp/\nRUN /tmp/setup.sh\n",
      context: { files: { "deploy/apt/vendor.list": "# vendor packages\ndeb [arch=amd64] https://pkgs.example.com/vendor/ubuntu/ bionic main\n" } },
      messageId: "endOfLifeTied",
      line: 1,
      output: null,
    },
    {
      name: "an apt source list copied by its path from the context root is the same file",
      code: "FROM ubuntu:bionic\nCOPY /deploy/apt/vendor.list /etc/apt/sources.list.d/\n",
      context: { files: { "deploy/apt/vendor.list": "deb [arch=amd64] https://pkgs.example.com/vendor/ubuntu/ bionic main\n" } },
      messageId: "endOfLifeTied",
      output: null,
    },
    {
      name: "a deb822 source file copied into sources.list.d whose suite is the old codename is tied to it",
      code: "FROM debian:buster-slim\nCOPY vendor.sources /etc/apt/sources.list.d/\nRUN apt-get update && apt-get install -y vendor-agent\n",
      context: { files: { "vendor.sources": "Types: deb\nURIs: https://repo.example.net/debian\nSuites: buster-stable\nComponents: main\n" } },
      messageId: "endOfLifeTied",
      output: null,
    },
    {
      name: "a copied file that is not only apt entries names no source, even when it mentions the codename",
      code: "FROM ubuntu:bionic\nCOPY notes.list /srv/\n",
      context: { files: { "notes.list": "built on bionic\ndeb https://pkgs.example.com/ubuntu bionic main\n" } },
      messageId: "endOfLife",
    },
    {
      name: "a copied apt source for another release ties nothing to this one",
      code: "FROM ubuntu:bionic\nCOPY apt/vendor.list /etc/apt/sources.list.d/\n",
      context: { files: { "apt/vendor.list": "deb https://pkgs.example.com/ubuntu noble main\n" } },
      messageId: "endOfLife",
    },
    {
      name: "a version that is only a wildcard pins nothing: the move is named",
      code: "FROM ubuntu:20.04\nRUN apt-get update && apt-get install -y --no-install-recommends 'curl=*' 'make=*'\n",
      messageId: "endOfLife",
      line: 1,
      output: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends 'curl=*' 'make=*'\n",
    },
    {
      name: "a pip install into the system Python of an Ubuntu before 23.04 must move to a venv with the base (PEP 668)",
      code: "FROM ubuntu:18.04\nRUN apt-get update && apt-get install -y python3-pip software-properties-common\nRUN add-apt-repository 'deb http://archive.example.com/ubuntu bionic main'\nRUN pip3 install --no-cache-dir 'wheel>=0.34' virtualenv\n",
      messageId: "endOfLifeTied",
      output: null,
    },
    {
      // The tuned httpbin's relabel: from 18.04's Python 3.6, 22.04's 3.10 is past what its 2018 pins were resolved for.
      name: "a system pip install on Ubuntu 18.04: the move to 22.04 skips four Python minors, so the install stays the tie",
      code: "FROM ubuntu:18.04\nRUN apt-get update && apt-get install -y python3-pip\nRUN pip3 install pipenv\n",
      messageId: "endOfLifeTied",
      output: null,
    },
    {
      // Held-out CL relabel, Justice40 and BN's Tango: "a move to 22.04 would need none of these changes".
      name: "a system pip install alone on an Ubuntu before 22.04: the move stops at 22.04, whose Python is not marked",
      code: "FROM ubuntu:20.04\nRUN apt-get update && apt-get install -y python3-pip\nRUN pip3 install --no-cache-dir 'wheel>=0.34' virtualenv\n",
      messageId: "endOfLife",
      output: "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y python3-pip\nRUN pip3 install --no-cache-dir 'wheel>=0.34' virtualenv\n",
    },
    {
      name: "python3 -m pip with --user on an old Debian is refused the same way",
      code: "FROM debian:bullseye\nRUN apt-get update && apt-get install -y python3-pip && python3 -m pip install --user requests\n",
      messageId: "endOfLifeTied",
      output: null,
    },
    {
      name: "a pip install into a venv the stage creates is not refused: the move is named",
      code: "FROM ubuntu:20.04\nRUN apt-get update && apt-get install -y python3-venv && python3 -m venv /opt/app && pip install flask\n",
      messageId: "endOfLife",
    },
    {
      name: "a pip run by path, or told to install elsewhere, ties nothing",
      code: "FROM debian:bullseye-slim\nRUN /opt/tools/bin/pip install x && pip3 install --target /opt/lib y\n",
      messageId: "endOfLife",
    },
    {
      name: ".python-version binds inside pyproject's open range: the minor it names must move",
      code: "FROM python:3.10-slim\nRUN pip install uv\nCOPY . /app\nRUN uv sync --frozen\n",
      context: { files: { "pyproject.toml": '[project]\nname = "app"\nrequires-python = ">= 3.10"\n', ".python-version": "3.10\n" } },
      messageId: "endOfLifePinned",
      output: null,
    },
    {
      name: ".python-version naming a supported minor within pyproject's range: the move goes there",
      code: "FROM python:3.10-slim\n",
      context: { files: { "pyproject.toml": '[project]\nname = "app"\nrequires-python = ">=3.10"\n', ".python-version": "3.12\n" } },
      messageId: "endOfLife",
      output: "FROM python:3.12-slim\n",
    },
    {
      name: "an apt target release of the old codename is tied to it",
      code: "FROM debian:buster\nRUN apt-get update && apt-get install -y -t buster-backports cockpit\n",
      messageId: "endOfLifeTied",
      output: null,
    },
    {
      name: "a venv created for the image's own Python keeps the app on it after a tag move",
      code: "FROM python:3.10-slim\nCOPY pyproject.toml .\nRUN uv venv --python 3.10 && uv sync\n",
      messageId: "endOfLifeTied",
      output: null,
    },
    {
      name: "a GOPATH-era go get on an old golang image needs porting, not a tag",
      code: "FROM golang:1.10 AS build\nRUN go get -u github.com/example/tool\nCOPY . /go/src/example.org/app\nRUN go install example.org/app\n",
      messageId: "endOfLifeGoPath",
      output: null,
    },
    {
      name: "go get with the distribution's own Go, on an end-of-life Alpine",
      code: "FROM alpine:3.10\nRUN apk add --no-cache --virtual .b go git && export GOPATH=/tmp/go && go get github.com/example/server && apk del .b\n",
      messageId: "endOfLifeGoPath",
      output: null,
    },
    {
      name: "a Python 2 module Debian stopped shipping (python-ldap) names the package",
      code: "FROM debian:buster-slim\nRUN apt-get update && apt-get install -y python-ldap\n",
      messageId: "endOfLifeRelease",
      output: null,
    },
    {
      name: "numpy 1 installs up to Python 3.12: the target stays there",
      code: "FROM python:3.9-slim\n",
      context: { files: { "pyproject.toml": '[tool.poetry.dependencies]\npython = "^3.9"\nnumpy = "^1.21"\n' } },
      messageId: "endOfLife",
      output: "FROM python:3.12-slim\n",
    },
    {
      name: "h5py 2 stops at Python 3.8: the dependencies move first, no target",
      code: "FROM python:3.7-slim\n",
      context: { files: { "pyproject.toml": '[tool.poetry.dependencies]\npython = "^3.7"\nh5py = "2.10.0"\n' } },
      messageId: "endOfLifePinned",
      output: null,
    },
    {
      name: "Django 3 in PEP 621 dependencies stops at Python 3.10",
      code: "FROM python:3.9\n",
      context: { files: { "pyproject.toml": '[project]\nname = "x"\ndependencies = [\n  "Django>=3.2,<4.0",\n  "requests[socks]>=2",\n]\n' } },
      messageId: "endOfLifePinned",
      output: null,
    },
    {
      name: "a floating Python on an old Alpine, whose pins accept no supported Python",
      code: "FROM python:alpine3.14\n",
      context: { files: { "pyproject.toml": '[tool.poetry.dependencies]\npython = "^3.8"\nDjango = "^3.2.12"\n' } },
      messageId: "endOfLifePinned",
      output: null,
    },
    {
      name: "an exact Gemfile Ruby the old image breaks: name that Ruby, not the newest",
      code: "FROM ruby:2.7.2-alpine\n",
      context: { files: { Gemfile: "source 'https://rubygems.org'\nruby '3.3.3'\n" } },
      messageId: "endOfLife",
      output: "FROM ruby:3.3.3-alpine\n",
    },
    {
      name: "a framework-dependent app published by the SDK of the runtime's major targets it: retarget the project",
      code: "FROM mcr.microsoft.com/dotnet/sdk:7.0 AS build\nCOPY . .\nRUN dotnet publish Shop.Web.csproj -c Release -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:7.0-alpine\nCOPY --from=build /app .\n",
      messageId: "endOfLifePinned",
      line: 4,
      count: 2,
      output: null,
    },
    {
      name: "a project folder published: its project file is named by the folder",
      code: "FROM mcr.microsoft.com/dotnet/sdk:7.0 AS build\nCOPY . .\nRUN dotnet publish src/Node.Runner -r linux-x64 -c release -o out\nFROM mcr.microsoft.com/dotnet/aspnet:7.0\nCOPY --from=build /out .\n",
      messageId: "endOfLifePinned",
      line: 4,
      count: 2,
      output: null,
    },
    {
      name: "a pin on a release the move keeps (trixie) ties nothing",
      code: "FROM python:3.10-slim-trixie\nRUN apt-get update && apt-get install -y libpq-dev=17.*\n",
      messageId: "endOfLife",
      output: "FROM python:3.14-slim-trixie\nRUN apt-get update && apt-get install -y libpq-dev=17.*\n",
    },
    {
      name: "go get on a module-era golang image is not GOPATH",
      code: "FROM golang:1.20\nRUN go get github.com/example/tool\n",
      messageId: "endOfLife",
    },
    {
      name: "a package trixie dropped, on an image whose supported tags default to trixie: the move keeps bookworm",
      code: "FROM php:8.1-apache\nRUN apt-get update && apt-get install -y --no-install-recommends libc-client2007e-dev \\\n && docker-php-ext-configure imap --with-imap-ssl && docker-php-ext-install imap\n",
      messageId: "endOfLifeKeepRelease",
      output: null,
    },
    {
      name: "packages Debian's indexes show trixie dropped (no curated list names them): the python move keeps bookworm",
      code: "FROM python:3.8-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libgl1-mesa-glx python3-distutils\n",
      messageId: "endOfLifeKeepRelease",
      data: {
        asOf: "2026-11-22",
        image: "python:3.8-slim",
        subject: "Python 3.8",
        since: "2024-10-07",
        source: "Python devguide, status of Python versions",
        replacement: "'python:3.14-slim-bookworm'",
        package: "libgl1-mesa-glx",
        others: "",
      },
    },
    {
      name: "a name bookworm only knows as a virtual package two packages provide (netcat): the move replaces it",
      code: "FROM debian:bullseye-slim\nRUN apt-get update && apt-get install -y --no-install-recommends netcat curl\n",
      messageId: "endOfLifeRelease",
      data: {
        asOf: "2026-11-22",
        image: "debian:bullseye-slim",
        subject: "Debian 11",
        since: "2026-08-31",
        source: "Debian LTS (wiki.debian.org/LTS)",
        replacement: "'debian:bookworm-slim'",
        package: "netcat",
        others: "",
      },
      output: null,
    },
    {
      name: "upx-ucl, which bookworm lacks: a move onto bookworm must replace it",
      code: "FROM debian:bullseye-slim\nRUN apt-get update && apt-get install -y --no-install-recommends upx-ucl\n",
      messageId: "endOfLifeRelease",
      output: null,
    },
    {
      name: "upx-ucl is back in trixie: a move onto golang's trixie default keeps it",
      code: "FROM golang:1.22-bullseye\nRUN apt-get update && apt-get install -y --no-install-recommends upx-ucl\n",
      messageId: "endOfLife",
    },
    {
      name: "software-properties-common left trixie with no successor: the python move keeps bookworm",
      code: "FROM python:3.9-slim\nRUN apt-get update && apt-get install -y software-properties-common\n",
      messageId: "endOfLifeKeepRelease",
    },
    {
      name: "a bookworm variant already kept by the move: nothing is gone",
      code: "FROM php:8.1-apache-bookworm\nRUN apt-get update && apt-get install -y libc-client2007e-dev\n",
      messageId: "endOfLife",
    },
    {
      name: "sury's repository still ships c-client for trixie: the package is not read",
      code: "FROM php:8.1-apache\nRUN echo 'deb https://packages.sury.org/php/ trixie main' > /etc/apt/sources.list.d/php.list \\\n && apt-get update && apt-get install -y libc-client2007e-dev\n",
      messageId: "endOfLife",
    },
    {
      name: "a path into the image's own Python tree is left behind by a newer minor: no target named",
      code: "FROM python:3.10-slim AS app\nCOPY lib/helpers /usr/local/lib/python3.10/site-packages/helpers\nRUN pip install -r requirements.txt\n",
      messageId: "endOfLifeTied",
      line: 1,
      output: null,
    },
    {
      name: "a requirement marker for the image's minor, edited by sed, ties the file to it",
      code: "FROM python:3.10-bookworm\nRUN curl -o reqs.txt https://example.org/reqs.txt \\\n && sed -i \"s/(lxml==)4.8.0( ; python_version == '3.10')/\\15.1.0\\2/\" reqs.txt \\\n && pip install -r reqs.txt\n",
      messageId: "endOfLifeTied",
      output: null,
    },
    {
      name: "the image's interpreter by its versioned name, and a copy out of a stage on it",
      code: "FROM python:3.10-slim AS build\nRUN python3.10 -m pip install --prefix=/out app\nFROM gcr.io/distroless/base-debian12\nCOPY --from=build /out/lib/python3.10 /usr/lib/python3.10\n",
      messageId: "endOfLifeTied",
      output: null,
    },
    {
      name: "an end-of-life Alpine under a supported Python keeps the minor: its paths tie nothing",
      code: "FROM python:3.13-alpine3.19\nCOPY lib/helpers /usr/local/lib/python3.13/site-packages/helpers\n",
      messageId: "endOfLife",
    },
    {
      name: "a path into another Python minor than the image's ties nothing",
      code: "FROM python:3.10-slim\nCOPY lib/helpers /usr/local/lib/python3.12/site-packages/helpers\n",
      messageId: "endOfLife",
    },
    {
      name: "a venv for another Python than the image's ties nothing",
      code: "FROM python:3.10-slim\nRUN uv venv --python 3.12\n",
      messageId: "endOfLife",
    },
    {
      name: "engines.node with a ceiling picks the newest Node.js inside it",
      code: "FROM node:18-alpine\n",
      context: { files: { "package.json": '{"engines": {"node": ">=18 <23"}}' } },
      messageId: "endOfLife",
      output: "FROM node:22-alpine\n",
    },
    {
      name: "Laravel 8 runs on PHP 8.1 at most: name composer.json, not a tag that breaks the app",
      code: "FROM php:8.1-fpm\n",
      context: { files: { "composer.json": '{"require": {"php": "^7.4 || ^8.0", "laravel/framework": "^8.0"}}' } },
      messageId: "endOfLifePinned",
      data: {
        image: "php:8.1-fpm",
        subject: "PHP 8.1",
        since: "2025-12-31",
        asOf: "2026-11-22",
        source: "php.net supported versions",
        replacement: "'php:8.4-fpm'",
        path: "composer.json",
        others: "",
      },
      output: null,
    },
    {
      name: "an image below composer.json's floor still meets Laravel 8's ceiling on the way up: name composer.json",
      code: "FROM php:7.2.0-fpm\n",
      context: { files: { "composer.json": '{"require": {"php": ">=7.4", "laravel/framework": "^8.0"}}' } },
      messageId: "endOfLifePinned",
      data: {
        image: "php:7.2.0-fpm",
        subject: "PHP 7.2",
        since: "2020-11-30",
        asOf: "2026-11-22",
        source: "php.net supported versions",
        replacement: "'php:8.4-fpm'",
        path: "composer.json",
        others: "",
      },
      output: null,
    },
    {
      name: "Laravel 10 runs on PHP 8.3: the suggestion stays inside the framework's range",
      code: "FROM php:8.1-fpm\n",
      context: { files: { "composer.json": '{"require": {"php": "^8.1", "laravel/framework": "^10.0"}}' } },
      messageId: "endOfLife",
      output: "FROM php:8.3-fpm\n",
    },
    {
      name: "composer.json's own PHP range without a framework ceiling",
      code: "FROM php:8.0-apache\n",
      context: { files: { "composer.json": '{"require": {"php": ">=8.0 <8.3"}}' } },
      messageId: "endOfLife",
      output: "FROM php:8.2-apache\n",
    },
    {
      name: "webpack 4 in the package.json the stage copies fails on Node.js 17+: name the dependency and its file",
      code: "FROM node:16 AS builder\nWORKDIR /app\nCOPY ./frontend .\nRUN yarn install && yarn generate\n",
      context: { files: { "frontend/package.json": '{"devDependencies": {"nuxt": "~2.15.8"}}' } },
      messageId: "endOfLifeCapped",
      data: {
        image: "node:16",
        subject: "Node.js 16",
        since: "2023-09-11",
        asOf: "2026-11-22",
        source: "Node.js release schedule (github.com/nodejs/Release)",
        replacement: "'node:24'",
        path: "frontend/package.json",
        packages: "'nuxt'",
        others: "",
      },
      output: null,
    },
    {
      name: "a sub-project the stage installs after cd (client/) caps Node.js with node-sass 6 and react-scripts 4: no target, the binding named",
      code: "FROM node:14-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\nRUN cd client && npm install && npm rebuild node-sass\nRUN npm run build\n",
      context: {
        files: {
          "package.json": '{"scripts": {"build": "tsc"}, "devDependencies": {"typescript": "^4.4.3"}}',
          "client/package.json": '{"dependencies": {"node-sass": "^6.0.1", "react": "^17.0.2", "react-scripts": "4.0.3"}}',
        },
      },
      messageId: "endOfLifeCapped",
      data: {
        image: "node:14-alpine",
        subject: "Node.js 14",
        since: "2023-04-30",
        asOf: "2026-11-22",
        source: "Node.js release schedule (github.com/nodejs/Release)",
        replacement: "'node:24-alpine'",
        path: "client/package.json",
        packages: "'node-sass'",
        others: "",
      },
      output: null,
    },
    {
      name: "react-scripts 4 (webpack 4) in a folder an install is pointed at with --prefix fails on Node.js 17+",
      code: "FROM node:16-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci --prefix web && npm run build --prefix web\n",
      context: { files: { "web/package.json": '{"dependencies": {"react-scripts": "4.0.3"}}' } },
      messageId: "endOfLifeCapped",
      output: null,
    },
    {
      // mozilla-services/tecken (held-out AS): bin/build_frontend.sh runs `pushd frontend`, `yarn`, `yarn run build`.
      name: "react-scripts 4 in the folder a copied build script moves to before it installs and builds",
      code: "FROM node:16.10.0-slim AS frontend\nCOPY frontend /app/frontend\nCOPY bin/build_frontend.sh /app/bin/\nWORKDIR /app\nRUN bin/build_frontend.sh\n",
      context: {
        files: {
          "bin/build_frontend.sh":
            "#!/bin/bash\nset -eo pipefail\nexport INLINE_RUNTIME_CHUNK=false\n\npushd frontend\nyarn --no-progress\nyarn run --no-progress build\npopd\n",
          "frontend/package.json": '{"dependencies": {"react-scripts": "4.0.1"}}',
        },
      },
      messageId: "endOfLifeCapped",
      output: null,
    },
    {
      name: "a stage built on the old image installs the capped sub-project: it moves with it",
      code: "FROM node:14 AS base\nWORKDIR /src\nFROM base AS ui\nCOPY ui/ ./ui/\nRUN yarn install --cwd ui\n",
      context: { files: { "ui/package.json": '{"devDependencies": {"node-sass": ">=4.14.0"}}' } },
      messageId: "endOfLifeCapped",
      output: null,
    },
    {
      name: "Nuxt 2.17 and webpack 4.47 hash without OpenSSL's md4: a range reaching them builds on newer Node.js",
      code: "FROM node:16 AS builder\nWORKDIR /app\nCOPY ./frontend .\nRUN yarn install && yarn generate\n",
      context: { files: { "frontend/package.json": '{"devDependencies": {"nuxt": "^2.17.3", "webpack": "^4.42.1"}}' } },
      messageId: "endOfLife",
      output: "FROM node:24 AS builder\nWORKDIR /app\nCOPY ./frontend .\nRUN yarn install && yarn generate\n",
    },
    {
      name: "gulp-sass 4 builds node-sass 4, which supports Node.js 14 at most",
      code: "FROM node:14.4.0\nCOPY package.json .\nRUN npm install\n",
      context: { files: { "package.json": '{"devDependencies": {"gulp-sass": "^4.1.0", "webpack": "^4.42.1"}}' } },
      messageId: "endOfLifeCapped",
      output: null,
    },
    {
      // Held-out BW, Webhook.site: gulp 3 fails on Node.js 12+ ("primordials is not defined").
      name: "gulp 3 stops at Node.js 11: the asset build moves with package.json",
      code: "FROM node:11 AS npm\nWORKDIR /app\nCOPY package.json /app\nRUN npm install\nRUN npm run gulp\n",
      context: { files: { "package.json": '{"devDependencies": {"gulp": "^3.8.8"}}' } },
      messageId: "endOfLifeCapped",
      output: null,
    },
    {
      // Held-out CB, Sematext's logagent: pg 7 connections hang on Node.js 14 and later (fixed in 8.0.3).
      name: "node-postgres 7 stops at Node.js 13: the base moves with package.json",
      code: 'FROM node:12-alpine\nWORKDIR /app\nCOPY . .\nRUN npm install --production\nCMD ["node", "index.js"]\n',
      context: { files: { "package.json": '{"dependencies": {"pg": "^7.18.2", "express": "^4.17.1"}}' } },
      messageId: "endOfLifeCapped",
      output: null,
    },
    {
      name: "node-postgres 8 runs on current Node.js",
      code: 'FROM node:12-alpine\nWORKDIR /app\nCOPY . .\nRUN npm install --production\nCMD ["node", "index.js"]\n',
      context: { files: { "package.json": '{"dependencies": {"pg": "^8.0.3"}}' } },
      messageId: "endOfLife",
    },
    {
      name: "gulp 4 builds on newer Node.js",
      code: "FROM node:11 AS npm\nWORKDIR /app\nCOPY package.json /app\nRUN npm install\n",
      context: { files: { "package.json": '{"devDependencies": {"gulp": "^4.0.2"}}' } },
      messageId: "endOfLife",
      output: "FROM node:24 AS npm\nWORKDIR /app\nCOPY package.json /app\nRUN npm install\n",
    },
    {
      // Held-out BU, Matrix Dimension: Angular CLI 12's webpack 5.50 hashes with md4.
      name: "Angular CLI 12 on Node.js 14 moves with package.json, even where a package is gone from the newer Alpine",
      code: "FROM node:14.17.5-alpine\nWORKDIR /app\nRUN apk --no-cache add python2 make g++\nCOPY . /app\nRUN npm clean-install && npm run-script build\n",
      context: { rootEntries: ["package.json", "src/"], files: { "package.json": '{"devDependencies": {"@angular-devkit/build-angular": "^12.2.1"}}' } },
      messageId: "endOfLifeCapped",
      output: null,
    },
    {
      name: "webpack 4 run with OpenSSL's legacy provider builds on newer Node.js",
      code: "FROM node:16-alpine\nCOPY package.json yarn.lock ./\nRUN yarn install\n",
      context: {
        files: { "package.json": '{"scripts": {"build": "NODE_OPTIONS=--openssl-legacy-provider webpack"}, "devDependencies": {"webpack": "^4.46.0"}}' },
      },
      messageId: "endOfLife",
      output: "FROM node:24-alpine\nCOPY package.json yarn.lock ./\nRUN yarn install\n",
    },
    {
      name: "webpack 4 built where the Dockerfile sets NODE_OPTIONS with OpenSSL's legacy provider builds on newer Node.js",
      code: "FROM node:16-alpine\nWORKDIR /app\nENV NODE_OPTIONS=--openssl-legacy-provider\nCOPY . .\nRUN cd client && npm ci && npm run build\n",
      context: { files: { "client/package.json": '{"dependencies": {"react-scripts": "4.0.3"}}' } },
      messageId: "endOfLife",
      output: "FROM node:24-alpine\nWORKDIR /app\nENV NODE_OPTIONS=--openssl-legacy-provider\nCOPY . .\nRUN cd client && npm ci && npm run build\n",
    },
    {
      name: "a package.json the stages never install caps nothing: its dependencies are not built on the image",
      code: "FROM node:14-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\n",
      context: {
        files: { "package.json": '{"dependencies": {"express": "^4.17.1"}}', "docs/package.json": '{"devDependencies": {"node-sass": "^6.0.1"}}' },
      },
      messageId: "endOfLife",
      output: "FROM node:24-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\n",
    },
    {
      name: "an install that leaves devDependencies out does not install the webpack 4 they list",
      code: "FROM node:16-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\n",
      context: { files: { "package.json": '{"dependencies": {"express": "^4.17.1"}, "devDependencies": {"webpack": "^4.46.0"}}' } },
      messageId: "endOfLife",
      output: "FROM node:24-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\n",
    },
    {
      name: "a framework-dependent app targets net6.0: the runtime moves with its project file",
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:6.0 AS base\nFROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nCOPY ["App/App.csproj", "App/"]\nRUN dotnet publish App/App.csproj -o /out\nFROM base\nCOPY --from=build /out /app\n',
      context: {
        files: { "App/App.csproj": '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net6.0</TargetFramework></PropertyGroup></Project>' },
      },
      messageId: "endOfLifePinned",
      line: 1,
      data: {
        image: "mcr.microsoft.com/dotnet/aspnet:6.0",
        subject: ".NET 6.0",
        since: "2024-11-12",
        asOf: "2026-11-22",
        source: ".NET support policy",
        replacement: "tag '10.0'",
        path: "App.csproj",
        others: "",
      },
      output: null,
    },
    {
      name: "a project that rolls forward to newer majors starts on the 10.0 runtime",
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:6.0\nCOPY ["App/App.csproj", "App/"]\n',
      context: {
        files: {
          "App/App.csproj": "<Project><PropertyGroup><TargetFramework>net6.0</TargetFramework><RollForward>LatestMajor</RollForward></PropertyGroup></Project>",
        },
      },
      messageId: "endOfLife",
      output: 'FROM mcr.microsoft.com/dotnet/aspnet:10.0\nCOPY ["App/App.csproj", "App/"]\n',
    },
    {
      // Held-out BE, tmate: build_static_release.sh passes PLATFORM=amd64, i386, arm32v6; each is Alpine 3.10.
      name: "callers pass only the namespace (the official image's per-architecture repository): the release is as written",
      code: "ARG PLATFORM=amd64\nFROM ${PLATFORM}/alpine:3.10 AS build\nRUN apk add --no-cache gcc make\n",
      context: { buildArgs: { composeBuilds: 0, passed: ["PLATFORM"] } },
      messageId: "endOfLife",
      line: 2,
    },
    {
      // anoadragon453/matrix-reminder-bot (held-out BU): CI passes PYTHON_VERSION; every value lands on Alpine 3.18.
      name: "callers pass the language version, the end-of-life Alpine written beside it",
      code: "ARG PYTHON_VERSION=3.12\nFROM python:${PYTHON_VERSION}-alpine3.18 AS builder\nRUN pip install app\n",
      context: { buildArgs: { composeBuilds: 0, passed: ["PYTHON_VERSION"] } },
      messageId: "endOfLife",
      line: 2,
    },
    {
      name: "a version ARG only some callers pass is still the default of the others",
      code: "ARG PHP_VERSION=8.1\nARG PHP_TYPE=fpm\nFROM php:${PHP_VERSION}-${PHP_TYPE}\n",
      context: { buildArgs: { composeBuilds: 1, passed: ["PHP_VERSION"] } },
      messageId: "endOfLife",
      line: 3,
    },
    {
      name: "a comment on the version's ARG says why it stays: quieter, no named target",
      code: "# Using 3.18 because openssl1.1-compat-dev was removed later.\nARG ALPINE=3.18\nFROM alpine:${ALPINE} AS builder\nRUN make\nFROM alpine:${ALPINE}\nCOPY --from=builder /out /out\n",
      messageId: "endOfLifeKept",
      line: 3,
      count: 2,
      output: null,
    },
    {
      name: "a note under the FROM keeps the builder for its older glibc: quieter, no named target",
      code: "FROM debian:bullseye AS builder\n# Using Debian instead of the official Golang image because it is based on newer OS versions\n# with newer glibc, which causes compatibility issues.\nRUN CGO_ENABLED=1 go build -o /app .\nFROM registry.access.redhat.com/ubi9/ubi:9.5\nCOPY --from=builder /app /app\n",
      messageId: "endOfLifeKept",
      line: 1,
      output: null,
    },
    {
      name: "a note under the FROM names the codename it stays on and why",
      code: "FROM python:3.9-buster\n# Stay on buster until the vendor ships bookworm packages.\nRUN pip install app\n",
      messageId: "endOfLifeKept",
      output: null,
    },
    {
      // Held-out BK, wal-g's CI build image: a note after a blank line names the codename's number (judged wrong as a warning).
      name: "a note under the FROM, after a blank line, names the release a codename tag is by its number",
      code: "FROM ubuntu:bionic AS brotli\nRUN make\nFROM ubuntu:bionic\n\n# custom golang image with CMake and Brotli support (compatible with ubuntu 18.04..22.04)\n\nENV TERM=xterm\nCOPY --from=brotli /usr/local/ /usr/local/\n",
      messageId: "endOfLifeKept",
      line: 1,
      count: 2,
      output: null,
    },
    {
      name: "a note under the FROM about the next step is no reason to keep the release",
      code: "FROM debian:bullseye\n# Install musl-dev because the cgo build needs it.\nRUN apt-get update && apt-get install -y musl-dev\n",
      messageId: "endOfLife",
      output: "FROM debian:bookworm-slim\n# Install musl-dev because the cgo build needs it.\nRUN apt-get update && apt-get install -y musl-dev\n",
    },
    {
      name: "a runtime on the release of a builder on another image moves with that builder",
      code: "FROM elixir:1.11-alpine AS build\nRUN mix release\nFROM alpine:3.13\nCOPY --from=build /app/_build/prod/rel/app ./\n",
      messageId: "endOfLifeBuilder",
      line: 3,
      output: null,
    },
    {
      // ambry: `FROM elixir-runner AS release_image` copies the release the Elixir builder made.
      name: "a runtime a later stage builds on, copying the builder's output there, moves with that builder",
      code: "FROM hexpm/elixir:1.13.4-erlang-25.0-alpine-3.15.4 AS builder\nRUN mix release\nFROM alpine:3.15.4 AS runner\nRUN apk add --no-cache libstdc++\nFROM builder AS release\nRUN mix phx.digest\nFROM runner AS app\nCOPY --from=release /app /app\n",
      messageId: "endOfLifeBuilder",
      line: 3,
      output: null,
    },
    {
      // microservices-patterns/ftgo-application (held-out AV): npm 9+ rejects the removed setting.
      name: "npm config set unsafe-perm on a Node whose npm is 8 or older, which every supported Node's npm rejects",
      code: "FROM node:9.11.2-alpine\nCOPY package.json .\nRUN npm install\nRUN npm config set unsafe-perm true && npm install -g typescript\n",
      messageId: "endOfLifeTied",
      line: 1,
      output: null,
    },
    {
      // posativ/isso (held-out AT): the builder's venv runs `python3 setup.py develop`.
      name: "setup.py run on a Python before 3.12, which a move to 3.12 or later leaves without setuptools",
      code: "FROM python:3.10-alpine\nRUN python3 -m venv /isso && . /isso/bin/activate && pip install gunicorn cffi\nCOPY . /src\nRUN cd /src && python3 setup.py develop\n",
      messageId: "endOfLifeTied",
      line: 1,
      output: null,
    },
    {
      // spreaker/prometheus-pgbouncer-exporter (held-out AT): the pinned release pins psycopg2 2.8.5.
      name: "an exact pin in the Dockerfile's pip install, on a move skipping four or more Python minors",
      code: "FROM python:3.8-alpine\nRUN apk add --no-cache postgresql-dev gcc musl-dev && pip install prometheus-pgbouncer-exporter==2.1.1\n",
      messageId: "endOfLifeTied",
      line: 1,
      output: null,
    },
    {
      // jlesage/docker-filebot (held-out AS): unrar and libmediainfo are compiled for a runtime on Alpine 3.20.
      name: "a builder whose output runs on another image of the same release moves with that image",
      code: "FROM alpine:3.20 AS unrar\nRUN make install DESTDIR=/out\nFROM example/baseimage-gui:alpine-3.20-v4\nCOPY --from=unrar /out/ /\n",
      messageId: "endOfLifeRuntime",
      line: 1,
      output: null,
    },
    {
      name: "an old Alpine installs libexecinfo, removed after 3.16 with no successor: the code is ported, no tag named",
      code: "FROM alpine:3.14\nRUN apk add --no-cache gcc musl-dev\nRUN apk add --no-cache libexecinfo-dev\n",
      messageId: "endOfLifeDropped",
      output: null,
    },
    {
      name: "requirements.txt pins a per-CPython wheel exactly (pydantic_core): the newest Python may have none, name the file",
      code: "FROM python:3.10\nCOPY requirements.txt /tmp/\nRUN pip install -r /tmp/requirements.txt\n",
      context: { files: { "requirements.txt": "fastapi==0.115.0\npydantic_core==2.23.4\n" } },
      messageId: "endOfLifePinned",
      output: null,
    },
    {
      // Held-out CA, blockchain-etl/ethereum-etl (wrong: "move to 'python:3.14'"): the streaming
      // extra pins grpcio 1.46.3, which has no wheel past CPython 3.10.
      name: "setup.py's extra that pip installs pins a per-CPython wheel exactly (grpcio): name setup.py",
      code: "FROM python:3.7\nENV PROJECT_DIR=ethereum-etl\nWORKDIR /$PROJECT_DIR\nCOPY . .\nRUN pip install --upgrade pip && pip install -e /$PROJECT_DIR/[streaming]\n",
      context: {
        files: {
          "setup.py":
            "setup(\n    install_requires=[\n        'web3>=5.29,<6',\n        # TODO: removed when \"eth_utils.toolz\" is fixed\n        'click>=8.0.4,<9',\n    ],\n    extras_require={\n        'streaming': [\n            'kafka-python==2.0.2',\n            'grpcio==1.46.3'\n        ],\n        'dev': ['pytest~=4.3.0']\n    },\n)\n",
        },
      },
      messageId: "endOfLifePinned",
      output: null,
    },
    {
      name: "an exact Ruby patch on an old Alpine that the Gemfile pins too: no current variant carries it, the Gemfile moves",
      code: "FROM ruby:3.3.4-alpine3.19 AS gems\nCOPY Gemfile Gemfile.lock ./\nRUN bundle install\nFROM ruby:3.3.4-alpine3.19\nCOPY --from=gems /usr/local/bundle /usr/local/bundle\n",
      context: { files: { Gemfile: 'source "https://rubygems.org"\nruby "3.3.4"\ngem "rack"\n' } },
      messageId: "endOfLifePinned",
      output: null,
    },
    {
      name: "asdf's .tool-versions pins the image's exact Ruby patch when no .ruby-version does",
      code: "FROM ruby:3.3.1-alpine3.19\nWORKDIR /srv\nCOPY . .\nRUN bundle install\n",
      context: { files: { ".tool-versions": "nodejs 20.11.0\nruby 3.3.1\n", Gemfile: 'source "https://rubygems.org"\ngem "sinatra"\n' } },
      messageId: "endOfLifePinned",
      output: null,
    },
    {
      name: "a range of Ruby minors is no exact patch pin: the current variant's patch meets it",
      code: "FROM ruby:3.3.1-alpine3.19\nCOPY . .\nRUN bundle install\n",
      context: { files: { Gemfile: 'ruby "~> 3.3"\ngem "sinatra"\n' } },
      messageId: "endOfLife",
      output: null,
    },
    {
      name: "host-built output under a project's bin/ that is not 'publish' is as tied to its TargetFramework",
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:6.0\nWORKDIR /app\nCOPY ./Gateway/bin/container/ .\nENTRYPOINT ["dotnet", "Gateway.dll"]\n',
      context: {
        files: {
          "Gateway/Gateway.csproj": '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net6.0</TargetFramework></PropertyGroup></Project>\n',
        },
      },
      messageId: "endOfLifePinned",
      output: null,
    },
    {
      name: "a bin/ of scripts at the context root is not build output: the root project file decides nothing",
      code: "FROM mcr.microsoft.com/dotnet/runtime:6.0\nCOPY bin/entry.sh /usr/local/bin/\nCOPY out/ /app\n",
      context: { files: { "Tool.csproj": "<Project><PropertyGroup><TargetFramework>net6.0</TargetFramework></PropertyGroup></Project>\n" } },
      // Not pinned to Tool.csproj, but the copied out/ is still an app built outside the file.
      messageId: "endOfLifeRetarget",
      output: null,
    },
    {
      name: "buster installs liblttng-ust0, which bookworm replaced by liblttng-ust1: the install list moves too",
      code: "FROM debian:buster-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libkrb5-3 liblttng-ust0 zlib1g\n",
      messageId: "endOfLifeRelease",
      output: null,
    },
    {
      name: "bullseye's libtiff5 is gone from bookworm (libtiff6)",
      code: "FROM node:16-bullseye-slim\nRUN apt-get update && apt-get install -y libjpeg62-turbo libtiff5\n",
      messageId: "endOfLifeRelease",
      output: null,
    },
    {
      name: "a version pin kept in a shell variable the same RUN assigns, with the ENV value it reads",
      code: 'FROM debian:buster-slim\nENV SQUID_VERSION=4.6-1+deb10u10\nRUN set -eux; \\\n    list="squid=${SQUID_VERSION} ca-certificates"; \\\n    apt-get update; apt-get install -y --no-install-recommends $list\n',
      messageId: "endOfLifeTied",
      output: null,
    },
    {
      name: "a shell variable of unpinned packages ties nothing",
      code: 'FROM alpine:3.17\nRUN pkgs="haproxy socat" && apk add --no-cache $pkgs\n',
      messageId: "endOfLife",
      output: 'FROM alpine:3.23\nRUN pkgs="haproxy socat" && apk add --no-cache $pkgs\n',
    },
    {
      name: "a generated file moves in its generator, which the header names: no lightbulb here",
      code: "# Generated by hack/render.py; do not edit.\nFROM alpine:3.18\nRUN apk add --no-cache tini\n",
      messageId: "endOfLifeGenerated",
      output: null,
    },
    {
      name: "a generated file whose header names no file: its generator",
      code: "# This file was generated using a Jinja2 template.\nFROM alpine:3.18\nRUN apk add --no-cache tini\n",
      messageId: "endOfLifeGenerated",
      output: null,
    },
    {
      name: "a generated file with a pinned package: the generator moves both",
      code: "# AUTO-GENERATED from templates/Dockerfile.tmpl\nARG BASE=alpine:3.18\nFROM $BASE\nENV VARNISH=7.3.0-r0\nRUN apk add --no-cache varnish=$VARNISH\n",
      messageId: "endOfLifeGeneratedTied",
      output: null,
    },
  ],
  silent: [
    {
      name: "Amazon Linux 2023, supported",
      code: 'FROM amazonlinux:2023\nRUN dnf install -y python3 && dnf clean all\nCMD ["python3"]\n',
    },
    { name: "a major-only tag the image still publishes a release of", code: "FROM ruby:3-alpine\n" },
    {
      name: "a Dockerfile named for the distribution release it builds for (Dockerfile.centos-7)",
      code: "FROM centos:centos7\nRUN yum -y install gcc make\n",
      context: { dockerfilePath: "builder/Dockerfile.centos-7" },
    },
    {
      // FriendsOfPHP/PHP-CS-Fixer (held-out AT): compose builds docker/php-7.1 ... docker/php-8.0 to test each PHP.
      name: "a folder named for the language version of the image, one of a per-version matrix",
      code: "FROM php:8.0-cli-alpine3.13\nRUN apk add --no-cache git\n",
      context: { dockerfilePath: "docker/php-8.0/Dockerfile" },
    },
    {
      // Held-out BA, google/fruit: one image per release for its compiler matrix (g++-5, clang-3.9 on bionic).
      name: "a file name with an architecture between the distribution and its release (Dockerfile.ubuntu_arm-18.04)",
      code: "FROM multiarch/ubuntu-core:arm64-bionic\nRUN apt-get install -y --no-install-recommends g++-5 clang-3.9 python\n",
      context: { dockerfilePath: "extras/dockerfiles/Dockerfile.ubuntu_arm-18.04" },
    },
    {
      name: "an Ubuntu release written without its dot in the file name",
      code: "FROM ubuntu:20.04\nRUN apt-get update && apt-get install -y build-essential\n",
      context: { dockerfilePath: "docker/Dockerfile.ubuntu-2004" },
    },
    {
      name: "a codename file name on a language image's variant",
      code: "FROM python:3.12-slim-buster\n",
      context: { dockerfilePath: "buster.Dockerfile" },
    },
    {
      name: "a stage only copied out under the old release's number (locale-archive.10): the old release is the point",
      code: "FROM debian:10 AS debian-10\nRUN localedef -i de_DE -f UTF-8 de_DE.UTF-8\nFROM debian:13-slim\nCOPY --from=debian-10 /usr/lib/locale/locale-archive /usr/lib/locale/locale-archive.10\n",
    },
    {
      name: "one client stage per server version, each only copied from",
      code:
        "FROM postgres:12-bookworm AS pg12\nFROM postgres:13-bookworm AS pg13\nFROM postgres:17-bookworm AS pg17\nFROM debian:bookworm-slim\n" +
        "COPY --from=pg12 /usr/lib/postgresql/12/bin/pg_dump /opt/pg/12/\nCOPY --from=pg13 /usr/lib/postgresql/13/bin/pg_dump /opt/pg/13/\nCOPY --from=pg17 /usr/lib/postgresql/17/bin/pg_dump /opt/pg/17/\n",
    },
    {
      name: "callers pass the language version of a tag on a current Alpine: nothing written outright is end of life",
      code: "ARG PYTHON_VERSION=3.9\nFROM python:${PYTHON_VERSION}-alpine3.22\n",
      context: { buildArgs: { composeBuilds: 0, passed: ["PYTHON_VERSION"] } },
    },
    {
      name: "compose and CI pass the version ARG: the project builds the versions it passes",
      code: "ARG PHP_VERSION=8.1\nARG PHP_DEBIAN_RELEASE=bullseye\nFROM php:${PHP_VERSION}-apache-${PHP_DEBIAN_RELEASE}\n",
      context: { buildArgs: { composeBuilds: 2, passed: ["PHP_DEBIAN_RELEASE", "PHP_VERSION"] } },
    },
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

describe("base-image-deprecated: what a move leaves behind", () => {
  it("names the removed npm setting a move from a Node with npm 8 or older must change, and no setting npm 9 still knows", () => {
    const message = (run: string) => findingsOf(rule, `FROM node:14-alpine\nCOPY package.json .\n${run}\n`).map((f) => f.message);
    assert.deepStrictEqual(message("RUN npm set unsafe-perm=true && npm ci"), [
      "'node:14-alpine' is Node.js 14, end of life; move it with 'npm set unsafe-perm' on line 3.",
    ]);
    assert.deepStrictEqual(message("RUN npm config set progress false && npm ci"), [
      "'node:14-alpine' is Node.js 14, end of life since 2023-04-30; move to 'node:24-alpine'.",
    ]);
  });
});

describe("base-image-deprecated: one problem, one finding", () => {
  it("reports an end-of-life base shared by stages once as a warning, the other FROMs as hints with the same lightbulb", () => {
    const findings = findingsOf(rule, "FROM node:20-alpine AS a\nRUN x\nFROM node:20-alpine AS b\nFROM node:20-alpine\n");
    assert.deepStrictEqual(
      findings.map((f) => [f.range.start.line + 1, f.severity]),
      [
        [1, "warning"],
        [3, "hint"],
        [4, "hint"],
      ],
    );
    assert.strictEqual(findings[1].messageId, "sameAsFirst");
    assert.strictEqual(findings[1].message, "Same end-of-life base as line 1 ('node:20-alpine'); move it with that one.");
    assert.deepStrictEqual(findings[0].suggestions[0].edits.length, 3);
    assert.strictEqual(findings[1].suggestions[0].title, "Move to 'node:24-alpine'");
  });
});

describe("base-image-deprecated: the project's pins and holds", () => {
  it("keeps an end-of-life base only download stages use at information level, and one builders are built on a warning", () => {
    // alibaba/Sentinel: the installer stage only downloads the released jar; nothing of it ships.
    const download = findingsOf(
      rule,
      "FROM buildpack-deps:buster-curl AS installer\nRUN set -x && curl -SL -o /home/app.jar https://example.com/app.jar\nFROM eclipse-temurin:21-jre\nCOPY --from=installer /home/app.jar /app.jar\n",
    );
    assert.deepStrictEqual(
      download.map((f) => [f.range.start.line + 1, f.severity]),
      [[1, "info"]],
    );
    // fluent-bit: the builders built on the base stage take its whole image.
    const base = findingsOf(
      rule,
      "FROM debian:bullseye-slim AS base\nRUN apt-get update && apt-get install -y curl build-essential && curl -sSL https://example.com/cmake.tgz | tar -xz -C /opt\nFROM base AS build\nRUN make\nFROM debian:trixie-slim\nCOPY --from=build /out /out\n",
    );
    assert.deepStrictEqual(
      base.map((f) => [f.range.start.line + 1, f.severity]),
      [[1, "warning"]],
    );
  });

  it("names the file that pins, the builder's line, and says a held version quietly", () => {
    const gem = findingsOf(rule, "FROM ruby:2.7.3-buster\n", { files: { Gemfile: "ruby '2.7.3'\n" } })[0];
    assert.strictEqual(gem.message, "'ruby:2.7.3-buster' is Ruby 2.7, end of life (2023-03-31); update Gemfile with it.");
    const builder = findingsOf(rule, "FROM elixir:1.11-alpine AS build\nRUN mix release\nFROM alpine:3.13\nCOPY --from=build /rel ./\n")[0];
    assert.strictEqual(builder.data.line, 1);
    const held = findingsOf(rule, "# Stays on 3.18: openssl1.1-compat-dev was dropped later.\nFROM alpine:3.18\n")[0];
    assert.strictEqual(held.messageId, "endOfLifeKept");
    assert.strictEqual(held.severity, "info");
    assert.strictEqual(held.suggestions.length, 0);
  });
  it("names what must move with the base: a package the target release lacks, or the manifest that caps it", () => {
    const first = (code: string, files?: Record<string, string>) => findingsOf(rule, code, files ? { files } : undefined)[0];
    assert.strictEqual(
      first("FROM ubuntu:20.04\nENV PKGS libssl1.1\nRUN apt-get install -y $PKGS\n").message,
      "'ubuntu:20.04' is Ubuntu 20.04, end of life; move to 'ubuntu:24.04' and replace 'libssl1.1'.",
    );
    assert.strictEqual(first("FROM alpine:3.14\nRUN apk add openjdk15-jre\n").data.package, "openjdk15-jre");
    assert.strictEqual(first("FROM node:12-alpine\nRUN apk add python2\n").data.package, "python2");
    assert.strictEqual(
      first("FROM golang:1.18\n", { "go.mod": "module m\n\ngo 1.17\n\nrequire github.com/marten-seemann/qtls-go1-18 v0.1.0\n" }).data.path,
      "go.mod",
    );
    assert.strictEqual(first("FROM python:3.8-slim\n", { "requirements.txt": "Django==3.2.25\n" }).data.path, "requirements.txt");
    assert.strictEqual(first("FROM ruby:2.5.8\n", { Gemfile: "gem 'activerecord', '~> 4.2.11'\n" }).data.path, "Gemfile");
  });
  it("reads the Node.js ceilings of the package.json files the stages install, where they install them", () => {
    const CLIENT = "FROM node:14-alpine\nWORKDIR /app\nCOPY . .\n";
    const first = (code: string, client: string) => findingsOf(rule, code, { files: { "client/package.json": client } })[0];
    const f = first(`${CLIENT}RUN cd client && npm install\n`, '{"dependencies": {"node-sass": "^6.0.1"}}');
    assert.strictEqual(f.message, "'node:14-alpine' is Node.js 14, end of life; move it with 'node-sass' in client/package.json.");
    assert.strictEqual(f.suggestions.length, 0);
    // webpack 4 run with the legacy provider, by a prefix or an export of the same RUN, hashes on OpenSSL 3.
    const webpack4 = '{"devDependencies": {"webpack": "~4.46.0"}}';
    assert.strictEqual(first(`${CLIENT}RUN cd client && npm ci && NODE_OPTIONS=--openssl-legacy-provider npm run build\n`, webpack4).messageId, "endOfLife");
    assert.strictEqual(first(`${CLIENT}RUN export NODE_OPTIONS=--openssl-legacy-provider && cd client && npm ci\n`, webpack4).messageId, "endOfLife");
    assert.strictEqual(first(`${CLIENT}RUN cd client && npm ci\n`, webpack4).messageId, "endOfLifeCapped");
    // The legacy provider does not help node-sass, whose binding is built per Node.js major.
    const both = '{"dependencies": {"node-sass": "^6.0.1", "react-scripts": "4.0.3"}}';
    assert.strictEqual(
      first(`FROM node:14-alpine\nWORKDIR /app\nENV NODE_OPTIONS=--openssl-legacy-provider\nCOPY . .\nRUN cd client && npm ci\n`, both).data.packages,
      "'node-sass'",
    );
    // react-scripts 5 (webpack 5) and node-sass's successor, sass, cap nothing.
    assert.strictEqual(first(`${CLIENT}RUN cd client && npm ci\n`, '{"dependencies": {"react-scripts": "5.0.1", "sass": "^1.50.0"}}').messageId, "endOfLife");
    // A folder the stages copy but never install or build in caps nothing.
    assert.strictEqual(first(`${CLIENT}RUN npm ci\n`, '{"dependencies": {"node-sass": "^6.0.1"}}').messageId, "endOfLife");
  });
  it("names a replacement without the old release's date or codename, or no tag at all", () => {
    const replacement = (image: string) => findingsOf(rule, `FROM ${image}\n`)[0].data.replacement;
    assert.strictEqual(replacement("debian:bullseye-20210902-slim"), "'debian:bookworm-slim'");
    assert.strictEqual(replacement("debian:bullseye-slim-20210902"), "'debian:bookworm-slim'");
    assert.strictEqual(replacement("debian:buster-20190204"), "'debian:bookworm-slim'");
    assert.strictEqual(replacement("ubuntu:focal-20210416"), "'ubuntu:24.04'");
    assert.strictEqual(replacement("node:18-alpine3.13-onbuild"), "a supported release");
    assert.strictEqual(replacement("mcr.microsoft.com/dotnet/runtime-deps:8.0-bookworm-slim"), "tag '10.0'");
    assert.strictEqual(replacement("mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled"), "tag '10.0-noble-chiseled'");
    // Docker Hub's per-architecture namespaces hold the official images: the namespace stays.
    assert.strictEqual(replacement("arm64v8/python:3.7-slim"), "'arm64v8/python:3.14-slim'");
    assert.strictEqual(replacement("amd64/node:18-alpine"), "'amd64/node:24-alpine'");
  });
  it("keeps the newest target when the pin has no ceiling", () => {
    const [f] = findingsOf(rule, "FROM python:3.10-slim\n", { files: { "pyproject.toml": '[project]\nrequires-python = ">=3.10"\n' } });
    assert.strictEqual(f.messageId, "endOfLife");
    assert.strictEqual(f.suggestions[0].title, "Move to 'python:3.14-slim'");
  });
  it("reads .python-version and .ruby-version", () => {
    assert.strictEqual(findingsOf(rule, "FROM python:3.10\n", { files: { ".python-version": "3.10.4\n" } })[0].messageId, "endOfLifePinned");
    assert.strictEqual(findingsOf(rule, "FROM ruby:3.1\n", { files: { ".ruby-version": "ruby-3.1.2\n" } })[0].messageId, "endOfLifePinned");
  });
  it("reads Poetry's python constraint", () => {
    const [f] = findingsOf(rule, "FROM python:3.9\n", { files: { "pyproject.toml": '[tool.poetry.dependencies]\npython = "^3.9,<3.12"\n' } });
    assert.strictEqual(f.suggestions[0].title, "Move to 'python:3.11'");
  });
  it("a path naming another version, or another image, keeps the finding", () => {
    assert.strictEqual(findingsOf(rule, "FROM php:8.0-cli\n", { dockerfilePath: "docker/php-8.4/Dockerfile" }).length, 1);
    assert.strictEqual(findingsOf(rule, "FROM php:8.0-cli\n", { dockerfilePath: "docker/python-8.0/Dockerfile" }).length, 1);
    assert.strictEqual(findingsOf(rule, "FROM node:14-alpine\n", { dockerfilePath: "ci/node-14/Dockerfile" }).length, 0);
  });
  it("a comment without a reason, or about another version, does not hold", () => {
    assert.strictEqual(findingsOf(rule, "# Alpine 3.18 base\nFROM alpine:3.18\n")[0].messageId, "endOfLife");
    assert.strictEqual(findingsOf(rule, "# Pinned because of musl\nFROM alpine:3.18\n")[0].messageId, "endOfLife");
  });
  it("a runtime whose builder names a newer release, or is on no distribution variant, takes the named target", () => {
    const newer = "FROM golang:1.26-alpine3.22 AS build\nRUN go build\nFROM alpine:3.13\nCOPY --from=build /app /app\n";
    assert.strictEqual(findingsOf(rule, newer)[0].messageId, "endOfLife");
    const debianBuilder = "FROM golang:1.26 AS build\nRUN go build\nFROM alpine:3.13\nCOPY --from=build /app /app\n";
    assert.strictEqual(findingsOf(rule, debianBuilder)[0].messageId, "endOfLife");
    const current = "FROM golang:1.26-alpine AS build\nRUN go build\nFROM alpine:3.13\nCOPY --from=build /app /app\n";
    assert.strictEqual(findingsOf(rule, current)[0].messageId, "endOfLife");
    const floating = "FROM rust:alpine AS build\nRUN cargo build\nFROM alpine:3.13\nCOPY --from=build /app /app\n";
    assert.strictEqual(findingsOf(rule, floating)[0].messageId, "endOfLife");
    const written = "FROM hexpm/elixir:1.13.2-erlang-24.1.7-alpine-3.15.0 AS build\nRUN mix release\nFROM alpine:3.15.0\nCOPY --from=build /rel ./\n";
    assert.strictEqual(findingsOf(rule, written)[0].messageId, "endOfLifeBuilder");
    // A runtime on a newer release, or on an image whose tag names none, leaves the builder free to move.
    const newerRuntime = "FROM alpine:3.20 AS build\nRUN make\nFROM example/base:alpine-3.23\nCOPY --from=build /out /\n";
    assert.strictEqual(findingsOf(rule, newerRuntime)[0].messageId, "endOfLife");
    const unwritten = "FROM alpine:3.20 AS build\nRUN make\nFROM example/base:4.1\nCOPY --from=build /out /\n";
    assert.strictEqual(findingsOf(rule, unwritten)[0].messageId, "endOfLife");
    assert.deepStrictEqual(
      findingsOf(rule, "FROM alpine:3.20 AS build\nRUN make\nFROM example/base:alpine-3.20\nCOPY --from=build /out /\n").map((f) => [
        f.messageId,
        f.data?.line,
      ]),
      [["endOfLifeRuntime", 3]],
    );
  });
  it("names what must move with the base: the pin, the apt source, the interpreter, the GOPATH install", () => {
    const data = (code: string, context?: Parameters<typeof findingsOf>[2]) => findingsOf(rule, code, context)[0].data;
    // Python moves: setup.py without setuptools past 3.12, and exact pins on a wide jump.
    const setup = data("FROM python:3.10-alpine\nCOPY . /src\nRUN cd /src && python3 setup.py develop\n");
    assert.deepStrictEqual([setup.tie, setup.line], ["'setup.py develop'", 3]);
    assert.strictEqual(findingsOf(rule, "FROM python:3.10-alpine\nRUN pip install setuptools\nRUN python setup.py install\n")[0].messageId, "endOfLife");
    const pinned = data("FROM python:3.8-alpine\nRUN pip install --no-cache-dir prometheus-pgbouncer-exporter==2.1.1\n");
    assert.deepStrictEqual([pinned.tie, pinned.line], ["the pin 'prometheus-pgbouncer-exporter==2.1.1'", 2]);
    // A Python ended only lately (3.10): its pins are recent, the move stays named.
    assert.strictEqual(findingsOf(rule, "FROM python:3.10-slim\nRUN pip install torch==2.12.1\n")[0].messageId, "endOfLife");
    // A project that caps Python below 3.12 moves to 3.11: setup.py keeps its setuptools there.
    const capped = findingsOf(rule, "FROM python:3.9-slim\nCOPY . /src\nRUN cd /src && python setup.py install\n", {
      files: { "pyproject.toml": '[project]\nname = "app"\nrequires-python = ">=3.9,<3.12"\n' },
    })[0];
    assert.strictEqual(capped.messageId, "endOfLife");
    assert.deepStrictEqual(
      [data("FROM ubuntu:bionic\nRUN apt-get install -y nginx=${V}*\n").tie, data("FROM ubuntu:bionic\nRUN apt-get install -y nginx=${V}*\n").line],
      ["the pin 'nginx=${V}*'", 2],
    );
    assert.strictEqual(
      data("FROM debian:buster-slim\nRUN echo 'deb https://r.example.org/debian buster main' > /etc/apt/sources.list.d/r.list\n").tie,
      "the apt source for 'buster'",
    );
    assert.strictEqual(data("FROM debian:buster\nRUN apt-get install -y -t buster-backports cockpit\n").tie, "the target release 'buster-backports'");
    // Held-out CF, smui: NodeSource's per-release repository has no suite for a release after 2023,
    // whatever codename the line reads at build time; its nodistro suite does not tie.
    const nodeSource = data(
      'FROM eclipse-temurin:17-jdk-focal AS builder\nARG NODE_VERSION=16\nRUN export DISTRO="$(lsb_release -s -c)" \\\n    && echo "deb https://deb.nodesource.com/node_$NODE_VERSION.x $DISTRO main" > /etc/apt/sources.list.d/nodesource.list\n',
    );
    assert.deepStrictEqual([nodeSource.tie, nodeSource.line], ["NodeSource's per-release 'node_16.x' source", 4]);
    assert.strictEqual(
      findingsOf(
        rule,
        'FROM eclipse-temurin:17-jdk-focal\nRUN echo "deb https://deb.nodesource.com/node_20.x nodistro main" > /etc/apt/sources.list.d/nodesource.list\n',
      )[0].messageId,
      "endOfLife",
    );
    const copiedList = data("FROM ubuntu:bionic\nCOPY deploy/apt/vendor.list scripts/setup.sh /tmp/\nRUN /tmp/setup.sh\n", {
      files: { "deploy/apt/vendor.list": "deb https://pkgs.example.com/vendor/ubuntu/ bionic main\n" },
    });
    assert.deepStrictEqual([copiedList.tie, copiedList.line], ["the apt source 'vendor.list'", 2]);
    const systemPip = data("FROM debian:buster\nRUN apt-get install -y python3-pip\nRUN pip3 install --no-cache-dir virtualenv\n");
    assert.deepStrictEqual([systemPip.tie, systemPip.line], ["the system 'pip3 install'", 3]);
    assert.strictEqual(data("FROM debian:bullseye\nRUN python3 -m pip install --user requests\n").tie, "the system 'python3 -m pip install'");
    // Held-out CL, Justice40 (poetry) and BN, Tango (virtualenv): the tool that would opt out is what
    // the system pip installs, so that install is refused before the tool exists.
    const poetry = data(
      'FROM debian:bullseye\nRUN apt-get update && apt-get install -y python3-pip\nENV POETRY_VERSION=1.1.12\nRUN pip install "poetry==$POETRY_VERSION"\nRUN poetry config virtualenvs.create false && poetry install --no-dev\n',
    );
    assert.deepStrictEqual([poetry.tie, poetry.line], ["the system 'pip install'", 4]);
    assert.strictEqual(
      data("FROM debian:bullseye\nRUN apt-get install -y python3-pip\nRUN pip3 install virtualenv && virtualenv .\n").tie,
      "the system 'pip3 install'",
    );
    // A poetry the system pip does not install (its own installer) still opts the file out.
    assert.strictEqual(
      findingsOf(
        rule,
        "FROM ubuntu:20.04\nRUN apt-get install -y python3-pip curl\nRUN curl -sSL https://install.python-poetry.org | python3 -\nRUN pip3 install requests && poetry install\n",
      )[0].messageId,
      "endOfLife",
    );
    // Held-out AP, mautrix/facebook: Alpine marks its Python from 3.19 on (3.20 compared as 20, not 2).
    const alpinePip = data("FROM alpine:3.18\nRUN apk add --no-cache python3 py3-pip\nRUN pip3 install --no-cache-dir -r requirements.txt\n");
    assert.deepStrictEqual([alpinePip.tie, alpinePip.line], ["the system 'pip3 install'", 3]);
    assert.strictEqual(data("FROM alpine:3.9\nRUN apk add --no-cache py3-pip && pip3 install requests\n").tie, "the system 'pip3 install'");
    // Held-out BM, shuup: Debian's python3 under a Node image on buster; the move lands on trixie.
    const languageVariantPip = data("FROM node:12-buster-slim\nRUN apt-get update && apt-get install -y python3 python3-pip\nRUN pip3 install shop\n");
    assert.deepStrictEqual([languageVariantPip.tie, languageVariantPip.line], ["the system 'pip3 install'", 3]);
    // Held-out BM, Reaction Commerce: pnpm 7.11.0 fails every fetch on Node 20 and later.
    const pnpm = data("FROM node:18-alpine\nRUN npm i -g pnpm@7.11.0\nRUN pnpm install --frozen-lockfile\n");
    assert.deepStrictEqual([pnpm.tie, pnpm.line], ["the pin 'pnpm@7.11.0'", 2]);
    assert.strictEqual(data("FROM node:16-slim\nRUN corepack enable && corepack prepare pnpm@8.2 --activate\n").tie, "the pin 'pnpm@8.2'");
    assert.strictEqual(data("FROM node:16-slim\nRUN npm install --global pnpm@6.35.1\n").tie, "the pin 'pnpm@6.35.1'");
    // Held-out BT, orchestrator: its build.sh runs `go build -i`, which Go 1.20 no longer accepts.
    const buildI = data("FROM golang:1.16.6-alpine3.14\nWORKDIR /src\nCOPY . .\nRUN bash build.sh -b -P\n", {
      files: { "build.sh": '#!/bin/bash\ngobuild="go build -i ${opt_race} -o $binary main.go"\n' },
    });
    assert.deepStrictEqual([buildI.tie, buildI.line], ["the 'go build -i' of build.sh", 4]);
    assert.strictEqual(data("FROM golang:1.17\nRUN go install -i ./cmd/app\n").tie, "'go install -i'");
    assert.strictEqual(findingsOf(rule, "FROM golang:1.17\nRUN go build -o /app ./cmd/app\n")[0].messageId, "endOfLife");
    // Held-out BS, Enapter's Grafana plugin: golangci-lint v1.53.2 builds on an x/tools that Go 1.25 rejects; mage has no such dependency.
    const lint = data(
      "FROM golang:1.22-alpine\nRUN go install github.com/magefile/mage@v1.12.1 && go install github.com/golangci/golangci-lint/cmd/golangci-lint@v1.53.2\nRUN golangci-lint run ./...\n",
    );
    assert.deepStrictEqual([lint.tie, lint.line], ["the pin 'golangci-lint@v1.53.2'", 2]);
    for (const free of ["github.com/magefile/mage@v1.12.1", "github.com/golangci/golangci-lint/cmd/golangci-lint@latest"])
      assert.strictEqual(findingsOf(rule, `FROM golang:1.22-alpine\nRUN go install ${free}\n`)[0].messageId, "endOfLife", free);
    // Held-out BV, a Spin app: TinyGo 0.34 refuses any Go past 1.23, so golang:1.27 alone breaks 'tinygo build'.
    const tinygo = data(
      "FROM golang:1.23.2-bullseye AS build-go\nRUN curl -LO https://github.com/tinygo-org/tinygo/releases/download/v0.34.0/tinygo_0.34.0_amd64.deb && dpkg -i tinygo_0.34.0_amd64.deb\nRUN tinygo build -target=wasi -o app.wasm main.go\n",
    );
    assert.deepStrictEqual([tinygo.tie, tinygo.line], ["TinyGo 0.34", 2]);
    // A release whose newest Go is known, and older than the target's; the tarball's name too.
    assert.strictEqual(data("FROM golang:1.21\nRUN wget -qO- https://example.org/tinygo0.30.0.linux-amd64.tar.gz | tar xz -C /usr/local\n").tie, "TinyGo 0.30");
    // A package the newer release lacks does not hide the tie: both are named.
    const both = findingsOf(
      rule,
      "FROM golang:1.23.2-bullseye\nRUN apt-get update && apt-get install -y libssl1.1\nRUN curl -LO https://github.com/tinygo-org/tinygo/releases/download/v0.34.0/tinygo_0.34.0_amd64.deb && dpkg -i tinygo_0.34.0_amd64.deb\n",
    )[0];
    assert.strictEqual(both.messageId, "endOfLifeReleaseTied");
    assert.deepStrictEqual([both.data.tie, both.data.line, both.data.packages], ["TinyGo 0.34", 3, "'libssl1.1'"]);
    for (const other of ["https://example.org/mytinygo_0.34.0_amd64.deb", "https://example.org/tools/build_0.34.0_amd64.deb"])
      assert.strictEqual(findingsOf(rule, `FROM golang:1.23\nRUN curl -LO ${other}\n`)[0].messageId, "endOfLife", other);
    for (const fixed of ["pnpm@7", "pnpm@7.32", "pnpm@7.33.0", "pnpm@8.3.1", "pnpm@9.1.0"])
      assert.strictEqual(findingsOf(rule, `FROM node:18-alpine\nRUN npm i -g ${fixed}\n`)[0].messageId, "endOfLife", fixed);
    // Held-out BM relabel, a Mastodon fork: Ruby 2.7 built from source does not build its openssl extension on OpenSSL 3.
    const ruby = data(
      'FROM ubuntu:20.04\nENV RUBY_VER="2.7.2"\nRUN apt-get update && apt-get install -y libssl-dev\nRUN wget https://cache.ruby-lang.org/pub/ruby/2.7/ruby-$RUBY_VER.tar.gz && tar xf ruby-$RUBY_VER.tar.gz\n',
    );
    assert.deepStrictEqual([ruby.tie, ruby.line], ["the Ruby 2.7.2 it builds", 4]);
    assert.strictEqual(
      findingsOf(rule, "FROM ubuntu:20.04\nRUN wget https://cache.ruby-lang.org/pub/ruby/3.3/ruby-3.3.6.tar.gz && tar xf ruby-3.3.6.tar.gz\n")[0].messageId,
      "endOfLife",
    );
    // Held-out BM relabel, CellProfiler: a wheel built for 20.04, named in its URL.
    const wheel = data(
      "FROM ubuntu:20.04\nRUN pip install https://extras.wxpython.org/wxPython4/extras/linux/gtk3/ubuntu-20.04/wxPython-4.2.1-cp39-cp39-linux_x86_64.whl\n",
    );
    assert.deepStrictEqual([wheel.tie, wheel.line], ["the download for 'ubuntu-20.04'", 2]);
    assert.strictEqual(
      data("FROM ubuntu:20.04\nRUN wget https://developer.download.nvidia.com/compute/cuda/repos/ubuntu2004/x86_64/cuda-keyring_1.0-1_all.deb\n").tie,
      "the download for 'ubuntu2004'",
    );
    assert.strictEqual(data("FROM debian:buster\nRUN curl -fsSLo p.deb https://example.org/dists/buster/pkg.deb\n").tie, "the download for 'buster'");
    // A codename inside another word, or only in the host name, is not the release.
    assert.strictEqual(findingsOf(rule, "FROM ubuntu:20.04\nRUN curl -fsSL https://example.org/focalpoint/x.tgz | tar xz\n")[0].messageId, "endOfLife");
    assert.strictEqual(findingsOf(rule, "FROM debian:buster\nRUN curl -fsSL https://buster.example.org/x.tgz | tar xz\n")[0].messageId, "endOfLife");
    // Held-out BM relabel, CellProfiler and hometown: libraries trixie no longer installs are gone from 24.04 too.
    assert.strictEqual(
      data("FROM ubuntu:20.04\nRUN apt-get update && apt-get install -y libidn11 libwebkit2gtk-4.0-dev software-properties-common libreadline8\n").packages,
      "'libidn11', 'libwebkit2gtk-4.0-dev'",
    );
    // Held-out BM, pantalaimon: a python image's pip installs into its own build, never marked.
    assert.strictEqual(
      findingsOf(rule, "FROM python:3.8-slim-buster\nRUN apt-get update && apt-get install -y libolm-dev\nRUN pip install .\n")[0].messageId,
      "endOfLife",
    );
    assert.strictEqual(findingsOf(rule, "FROM node:12-buster-slim\nRUN pip3 install shop\n")[0].messageId, "endOfLife");
    assert.strictEqual(
      findingsOf(rule, "FROM node:12-bookworm-slim\nRUN apt-get install -y python3-pip && pip3 install --break-system-packages shop\n")[0].messageId,
      "endOfLife",
    );
    assert.strictEqual(
      findingsOf(rule, "FROM alpine:3.18\nRUN apk add --no-cache py3-pip && pip3 install --break-system-packages requests\n")[0].messageId,
      "endOfLife",
    );
    assert.strictEqual(
      findingsOf(rule, "FROM alpine:3.18\nRUN apk add --no-cache py3-virtualenv && python3 -m venv /v && /v/bin/pip install requests\n")[0].messageId,
      "endOfLife",
    );
    assert.strictEqual(
      data("FROM python:3.10-slim\n", { files: { "pyproject.toml": '[project]\nrequires-python = ">= 3.10"\n', ".python-version": "3.10\n" } }).path,
      ".python-version",
    );
    assert.strictEqual(data("FROM python:3.10-slim\nRUN uv venv --python 3.10\n").tie, "'--python 3.10'");
    assert.strictEqual(data("FROM python:3.10-slim\nRUN uv python install 3.10.14\n").tie, "'uv python install 3.10.14'");
    assert.deepStrictEqual(
      [
        data("FROM php:8.1-fpm\nRUN apt-get install -y libc-client2007e-dev\n").replacement,
        data("FROM php:8.1-fpm\nRUN apt-get install -y libc-client2007e-dev\n").package,
      ],
      ["'php:8.4-fpm-bookworm'", "libc-client2007e-dev"],
    );
    const spelled = (code: string) => [data(code).tie, data(code).line];
    assert.deepStrictEqual(spelled("FROM python:3.10-slim\nWORKDIR /srv\nCOPY lib/x /usr/local/lib/python3.10/site-packages/x\n"), [
      "the 'python3.10' paths",
      3,
    ]);
    assert.deepStrictEqual(spelled("FROM python:3.10\nRUN sed -i \"s/( ; python_version == '3.10')/\\1/\" r.txt\n"), [
      "the 'python_version == 3.10' marker",
      2,
    ]);
    assert.deepStrictEqual(spelled("FROM python:3.10 AS b\nRUN pip3.10 install app\n"), ["'pip3.10'", 2]);
    assert.deepStrictEqual(spelled("FROM python:3.10 AS b\nFROM scratch\nCOPY --from=b /usr/local/lib/python3.10 /py\n"), ["the 'python3.10' paths", 3]);
    assert.strictEqual(data("FROM golang:1.10\nRUN go get -u github.com/example/tool\n").line, 2);
    assert.strictEqual(data("FROM debian:buster-slim\nRUN apt-get install -y python-ldap\n").package, "python-ldap");
    assert.strictEqual(data("FROM ruby:2.7.2-alpine\n", { files: { Gemfile: "ruby '3.3.3'\n" } }).replacement, "'ruby:3.3.3-alpine'");
    const dotnet = (publish: string) =>
      findingsOf(
        rule,
        `FROM mcr.microsoft.com/dotnet/sdk:7.0 AS build\nRUN ${publish}\nFROM mcr.microsoft.com/dotnet/aspnet:7.0\nCOPY --from=build /app .\n`,
      )[1].data.path;
    assert.strictEqual(dotnet("dotnet publish Shop.Web.csproj -c Release -o /app"), "Shop.Web.csproj");
    assert.strictEqual(dotnet("dotnet publish src/Node.Runner -r linux-x64 -o /app"), "Node.Runner/*.csproj");
    assert.strictEqual(dotnet("dotnet publish -c Release -o /app"), "the project file");
    // MSBuild switches written with a slash are no project (held-out BY, Blogifier); an absolute project path is.
    assert.strictEqual(
      dotnet('["dotnet","publish", "-c", "Release","/p:RuntimeIdentifier=linux-musl-x64", "./src/Blogifier/Blogifier.csproj","-o","dist" ]'),
      "Blogifier.csproj",
    );
    assert.strictEqual(dotnet("dotnet publish /property:Version=1.0 /src/Api -o /app"), "Api/*.csproj");
    assert.strictEqual(dotnet("dotnet publish -c Release --self-contained false -o /app"), "the project file");
    assert.strictEqual(dotnet("dotnet publish -c Release --sc -r linux-x64 -o /app"), undefined);
  });
  it("reads the Python dependency ceilings of pyproject", () => {
    const title = (deps: string) => findingsOf(rule, "FROM python:3.9\n", { files: { "pyproject.toml": deps } })[0].suggestions[0]?.title;
    assert.strictEqual(title('[tool.poetry.dependencies]\npython = "^3.9"\npandas = { version = "^1.3", extras = ["excel"] }\n'), "Move to 'python:3.11'");
    assert.strictEqual(title('[tool.poetry.dependencies]\nnumpy = ">=1.21"\n'), "Move to 'python:3.14'");
    assert.strictEqual(title('[project]\ndependencies = ["numpy~=1.24", "scipy"]\n'), "Move to 'python:3.12'");
    assert.strictEqual(title('[project]\ndependencies = ["Django==4.2.*"]\n'), "Move to 'python:3.12'");
  });
  it("a pin the image already breaks binds nothing", () => {
    const [f] = findingsOf(rule, "FROM node:20-slim\n", { files: { "package.json": '{"engines": {"node": "^18.16.0"}}' } });
    assert.strictEqual(f.suggestions[0].title, "Move to 'node:24-slim'");
  });
  it("an engines range the image already breaks binds nothing where npm, Yarn 2+ or --ignore-engines installs", () => {
    const title = (run: string, files: Record<string, string> = {}) =>
      findingsOf(rule, `FROM node:12-alpine\nCOPY package.json yarn.lock ./\nRUN ${run}\n`, {
        files: { "package.json": '{"engines": {"node": "^16"}}', ...files },
      })[0].suggestions[0]?.title;
    assert.strictEqual(title("npm ci"), "Move to 'node:24-alpine'");
    assert.strictEqual(title("yarn install --ignore-engines"), "Move to 'node:24-alpine'");
    assert.strictEqual(title("yarn install", { ".yarnrc": "ignore-engines true\n" }), "Move to 'node:24-alpine'");
    assert.strictEqual(title("yarn install --immutable"), "Move to 'node:24-alpine'");
    assert.strictEqual(title("yarn install"), undefined);
    const [yarn] = findingsOf(rule, "FROM node:12-alpine\nCOPY package.json yarn.lock ./\nRUN yarn\n", {
      files: { "package.json": '{"engines": {"node": "^16"}}' },
    });
    assert.match(yarn.message, /update package\.json with it/);
    const [laravel] = findingsOf(rule, "FROM php:5.6-apache\n", { files: { "composer.json": '{"require": {"laravel/framework": "~4.2"}}' } });
    assert.match(laravel.message, /update composer\.json with it/);
  });
  it("keeps every first sentence within 100 characters with long real values", () => {
    const long = findingsOf(rule, "FROM python:3.10-slim-bullseye\n", { files: { "pyproject.toml": '[project]\nrequires-python = "==3.10.*"\n' } })[0];
    assert.strictEqual(long.messageId, "endOfLifePinned");
    assert.ok(long.message.split(". ")[0].length <= 100, long.message);
  });
  it("names the tie, the file or the archive line where a project holds its release", () => {
    const first = (code: string, files?: Record<string, string>) => findingsOf(rule, code, files ? { files } : undefined)[0];
    const uv = first("FROM python:3.10.18\nENV UV_LINK_MODE=copy \\\n    UV_PYTHON=python3.10.18\nRUN uv sync\n");
    assert.strictEqual(uv.message, "'python:3.10.18' is Python 3.10, end of life; move it with 'UV_PYTHON=python3.10.18' on line 3.");
    const ghc = first("FROM alpine:3.17\nRUN apk add --no-cache ghc cabal\nCOPY . /src\nRUN cd /src && cabal build exe --enable-executable-static\n");
    assert.strictEqual(ghc.message, "'alpine:3.17' is Alpine 3.17, end of life; move it with the GHC build 'cabal build' on line 4.");
    const lock = first("FROM php:7.4-fpm\nRUN composer install\n", { "composer.lock": '{"packages": [{"name": "a/b", "require": {"php": "^7.2"}}]}' });
    assert.strictEqual(lock.data.path, "composer.lock");
    const csproj = first('FROM mcr.microsoft.com/dotnet/aspnet:3.1\nCOPY ["Web/Web.csproj", "Web/"]\n', {
      "Web/Web.csproj": "<Project><PropertyGroup><TargetFramework>netcoreapp3.1</TargetFramework></PropertyGroup></Project>",
    });
    assert.strictEqual(csproj.data.path, "Web.csproj");
    // The app is copied in by a stage built on the runtime's, from an SDK of the same major.
    const published = first(
      "FROM mcr.microsoft.com/dotnet/aspnet:3.1 AS runtime\nEXPOSE 80\nFROM mcr.microsoft.com/dotnet/sdk:3.1 AS build\nCOPY src .\nRUN dotnet publish Feed -c Release -o /out\n" +
        'FROM runtime AS final\nCOPY --from=build /out .\nENTRYPOINT ["dotnet", "Feed.dll"]\n',
    );
    assert.strictEqual(published.data.path, "Feed/*.csproj");
    const archived = first("FROM centos:7\nRUN sed -i 's|mirror.centos.org|vault.centos.org|g' /etc/yum.repos.d/*.repo\nRUN yum -y install gcc\n");
    assert.strictEqual(archived.messageId, "endOfLifeArchived");
    assert.strictEqual(archived.severity, "info");
    assert.strictEqual(archived.data.line, 2);
    assert.ok(archived.message.split(". ")[0].length <= 100, archived.message);
  });
  it("reads the lock only where composer checks the platform, and reads a truncated lock's head", () => {
    const lock =
      '{\n    "packages": [\n        {\n            "name": "a/b",\n            "require": {\n                "php": "~8.1.0 || ~8.2.0"\n            }\n        },\n        {\n            "name": "c/d",\n            "requ';
    const title = (run: string) => findingsOf(rule, `FROM php:8.1-cli\nRUN ${run}\n`, { files: { "composer.lock": lock } })[0].suggestions[0]?.title;
    assert.strictEqual(title("composer install"), "Move to 'php:8.2-cli'");
    assert.strictEqual(title("composer install --ignore-platform-reqs"), "Move to 'php:8.4-cli'");
    assert.strictEqual(title("composer install --ignore-platform-req=php"), "Move to 'php:8.4-cli'");
  });
  it("reads Composer's tilde as Composer does: ~8.1 allows every 8.x from 8.1", () => {
    const [f] = findingsOf(rule, "FROM php:8.1-cli\n", { files: { "composer.json": '{"require": {"php": "~8.1"}}' } });
    assert.strictEqual(f.suggestions[0].title, "Move to 'php:8.4-cli'");
  });
});

describe("base-image-deprecated: PHP extensions that newer releases no longer bundle", () => {
  const first = (code: string) => findingsOf(rule, code)[0];
  it("stops the move at the newest supported PHP that still builds every docker-php-ext-install extension", () => {
    const code = 'FROM php:8.1-fpm\nRUN docker-php-ext-configure imap --with-imap-ssl && docker-php-ext-install -j "$(nproc)" imap pdo_pgsql\n';
    assert.strictEqual(first(code).data.replacement, "'php:8.3-fpm'");
    assert.strictEqual(first("FROM php:8.0-apache\nRUN docker-php-ext-install pspell\n").data.replacement, "'php:8.3-apache'");
  });
  it("names no target when no supported PHP bundles it, and says where it comes from now", () => {
    const f = first("FROM php:7.1-apache\nRUN docker-php-ext-install -j4 mcrypt gd\n");
    assert.strictEqual(f.messageId, "endOfLifeUnbundled");
    assert.strictEqual(f.data.package, "mcrypt");
    assert.deepStrictEqual(f.suggestions ?? [], []);
  });
  it("keeps the newest target for bundled extensions, a configure flag named like one, or an extension from PECL", () => {
    assert.strictEqual(first("FROM php:8.1-apache\nRUN docker-php-ext-install gd intl pdo_mysql\n").data.replacement, "'php:8.4-apache'");
    assert.strictEqual(first("FROM php:8.1-apache\nRUN docker-php-ext-configure gd --with-imap\n").data.replacement, "'php:8.4-apache'");
    assert.strictEqual(first("FROM php:8.1-apache\nRUN pecl install imap\n").data.replacement, "'php:8.4-apache'");
  });
});

describe("base-image-deprecated: the framework a framework-dependent publish names", () => {
  it("reads past the values of publish options (-v m) and names the -f the publish passes", () => {
    const code =
      "FROM mcr.microsoft.com/dotnet/sdk:6.0 AS build\nWORKDIR /src/App\nRUN dotnet publish -o out/ -v m -f net6.0 -c Release --self-contained false\nFROM mcr.microsoft.com/dotnet/runtime:6.0\nCOPY --from=build /src/App/out /app\n";
    const f = findingsOf(rule, code).find((x) => x.range.start.line === 3)!;
    assert.strictEqual(f.messageId, "endOfLifePinned");
    assert.strictEqual(f.data.path, "the project and -f on line 3");
  });
  it("names the project the publish names, with no framework flag", () => {
    const code =
      "FROM mcr.microsoft.com/dotnet/sdk:6.0 AS build\nRUN dotnet publish --verbosity quiet src/Api -o /out\nFROM mcr.microsoft.com/dotnet/aspnet:6.0\nCOPY --from=build /out /app\n";
    assert.strictEqual(findingsOf(rule, code).find((x) => x.range.start.line === 2)!.data.path, "Api/*.csproj");
  });
});

describe("base-image-deprecated: ties the project keeps elsewhere", () => {
  const first = (code: string, files?: Record<string, string>) => findingsOf(rule, code, files ? { files } : undefined)[0];
  it("names the file of an exact Ruby patch pin: the Gemfile, else .ruby-version, else .tool-versions", () => {
    const code = "FROM ruby:3.3.4-alpine3.19\nRUN bundle install\n";
    assert.strictEqual(first(code, { Gemfile: "ruby '3.3.4'\n", ".ruby-version": "ruby-3.3.4\n" }).data.path, "Gemfile");
    assert.strictEqual(first(code, { Gemfile: "gem 'rack'\n", ".ruby-version": "3.3.4\n" }).data.path, ".ruby-version");
    assert.strictEqual(first(code, { ".tool-versions": "ruby 3.3.4 # asdf\n" }).data.path, ".tool-versions");
  });
  it("leaves a patch the facts still publish on a current variant, and a pin of another patch, to the plain move", () => {
    assert.strictEqual(first("FROM ruby:3.3.12-alpine3.19\n", { Gemfile: "ruby '3.3.12'\n" }).messageId, "endOfLife");
    assert.strictEqual(first("FROM ruby:3.3.4-alpine3.19\n", { Gemfile: "ruby '3.3.5'\n" }).messageId, "endOfLife");
  });
  it("names the project file beside the bin/ folder the image copies", () => {
    const f = first("FROM mcr.microsoft.com/dotnet/aspnet:6.0\nCOPY Gateway/bin/container /app\n", {
      "Gateway/Gateway.csproj": "<Project><PropertyGroup><TargetFramework>net6.0</TargetFramework></PropertyGroup></Project>\n",
    });
    assert.strictEqual(f.data.path, "Gateway.csproj");
  });
  it("names the package bookworm dropped", () => {
    assert.strictEqual(first("FROM debian:buster-slim\nRUN apt-get install -y liblttng-ust0\n").data.package, "liblttng-ust0");
    assert.strictEqual(first("FROM node:16-bullseye-slim\nRUN apt-get install -y libtiff5\n").data.package, "libtiff5");
    assert.strictEqual(first("FROM debian:bullseye\nRUN apt-get install -y libldap-2.4-2\n").data.package, "libldap-2.4-2");
  });
  it("ties an exact pin to an end-of-life language image whose tag names no release: the move brings a newer one", () => {
    // Held-out BJ, dnscrypt-proxy: judged wrong. golang:1.13.7-alpine was built on Alpine 3.11.
    const f = first("FROM golang:1.13.7-alpine AS build\nRUN apk add --no-cache ca-certificates=20191127-r0 curl=7.67.0-r3\n");
    assert.strictEqual(f.data.tie, "the pin 'ca-certificates=20191127-r0'");
    assert.strictEqual(f.data.target, undefined);
    // A wildcard version resolves on the newer release too: the move is named.
    assert.strictEqual(first("FROM python:3.8-slim\nRUN apt-get update && apt-get install -y git=1:2.*\n").data.tie, undefined);
  });
  it("reads a pin out of a variable the same RUN assigns, with the ENV value substituted, on the assignment's line", () => {
    const f = first(
      'FROM debian:buster-slim\nENV SQUID_VERSION=4.6-1+deb10u10\nRUN set -eux; \\\n    list="squid=${SQUID_VERSION} ca-certificates"; \\\n    apt-get install -y $list\n',
    );
    assert.strictEqual(f.data.tie, "the pin 'squid=4.6-1+deb10u10'");
    assert.strictEqual(f.data.line, 4);
  });
  it("names the generator the header names, or its generator", () => {
    assert.strictEqual(first("# Generated by hack/render.py; do not edit.\nFROM alpine:3.18\n").data.generator, "hack/render.py");
    assert.strictEqual(first('#\n# NOTE: THIS DOCKERFILE IS GENERATED VIA "apply-templates.sh"\n#\nFROM alpine:3.18\n').data.generator, "apply-templates.sh");
    assert.strictEqual(first("# This file was generated using a Jinja2 template.\nFROM alpine:3.18\n").data.generator, "its generator");
    const tied = first("# AUTO-GENERATED from templates/Dockerfile.tmpl\nFROM alpine:3.18\nRUN apk add --no-cache varnish=7.3.0-r0\n");
    assert.strictEqual(tied.messageId, "endOfLifeGeneratedTied");
    assert.strictEqual(tied.data.generator, "templates/Dockerfile.tmpl");
  });
});

describe("base-image-deprecated: the SDK a copied global.json accepts", () => {
  const sdkStage = (copy: string) =>
    `FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /app\n${copy}\nWORKDIR /app/src/Web\nRUN dotnet restore\nRUN dotnet publish -c Release -o out\n`;
  const globalJson = (sdk: Record<string, string>) => JSON.stringify({ sdk });
  const first = (code: string, files: Record<string, string>) => findingsOf(rule, code, { files })[0];
  it("names global.json when its roll-forward policy keeps the SDK's major and no supported SDK of it is left", () => {
    const f = first(sdkStage("COPY . ."), { "global.json": globalJson({ version: "8.0.404", rollForward: "latestFeature" }) });
    assert.strictEqual(f.messageId, "endOfLifePinned");
    assert.strictEqual(f.data.path, "global.json");
    assert.deepStrictEqual(f.suggestions ?? [], []);
    assert.strictEqual(f.message, "'mcr.microsoft.com/dotnet/sdk:8.0' is .NET 8.0, end of life (2026-11-10); update global.json with it.");
    // No policy written is latestPatch, which keeps the major too.
    assert.strictEqual(first(sdkStage("COPY . ."), { "global.json": globalJson({ version: "8.0.100" }) }).data.path, "global.json");
    assert.strictEqual(first(sdkStage("COPY . ."), { "global.json": globalJson({ version: "8.0.100", rollForward: "disable" }) }).data.path, "global.json");
  });
  it("finds the file the commands' working directory or a parent of it holds, copied alone or from a sub-folder", () => {
    const files = { "src/global.json": globalJson({ version: "8.0.404", rollForward: "latestMinor" }) };
    assert.strictEqual(first(sdkStage("COPY src/ /app/src/"), files).data.path, "src/global.json");
    assert.strictEqual(first(sdkStage('COPY ["global.json", "./"]'), { "global.json": globalJson({ version: "8.0.404" }) }).data.path, "global.json");
  });
  it("keeps the move to SDK 10 when the file allows later majors, pins none, is not copied, or is out of the commands' reach", () => {
    const move = (code: string, files: Record<string, string>) => first(code, files).suggestions[0]?.title;
    const to10 = "Move to 'mcr.microsoft.com/dotnet/sdk:10.0'";
    assert.strictEqual(move(sdkStage("COPY . ."), { "global.json": globalJson({ version: "8.0.100", rollForward: "latestMajor" }) }), to10);
    assert.strictEqual(move(sdkStage("COPY . ."), { "global.json": '{"msbuild-sdks": {"Microsoft.Build.Traversal": "3.0.0"}}' }), to10);
    // dotnet-architecture/eShopOnWeb: the host cannot parse `8.0.x` and ignores the sdk section.
    assert.strictEqual(move(sdkStage("COPY . ."), { "global.json": globalJson({ version: "8.0.x", rollForward: "latestFeature" }) }), to10);
    assert.strictEqual(move(sdkStage("COPY src/ /app/src/"), { "global.json": globalJson({ version: "8.0.100" }) }), to10);
    // The file names a newer SDK than the image: it comes from another state of the project.
    assert.strictEqual(move(sdkStage("COPY . ."), { "global.json": globalJson({ version: "10.0.100", rollForward: "latestFeature" }) }), to10);
    // Only an app built outside the file runs here, which needs the runtime alone: global.json
    // is not named, the app is what moves first (held-out AP, Fenrus).
    assert.strictEqual(
      first('FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /app\nCOPY . .\nCMD ["dotnet", "App.dll"]\n', { "global.json": globalJson({ version: "8.0.100" }) })
        .messageId,
      "endOfLifeRetarget",
    );
  });
});

describe("base-image-deprecated: versioned paths copied out of the image", () => {
  const first = (code: string) => findingsOf(rule, code)[0];
  const nodeSource = (copies: string) => `FROM node:12.18.3-slim AS node\nFROM debian:bookworm\n${copies}\n`;
  it("ties the move to a copied path that names a version of the image's contents, with no target", () => {
    const f = first(nodeSource("COPY --from=node /usr/local/bin/node /usr/local/bin\nCOPY --from=node /opt/yarn-v1.22.4 /opt/yarn-v1.22.4"));
    assert.strictEqual(f.message, "'node:12.18.3-slim' is Node.js 12, end of life; move it with the copied '/opt/yarn-v1.22.4' on line 4.");
    assert.deepStrictEqual(f.suggestions ?? [], []);
    // The image's own version in the path changes with the move as well.
    assert.strictEqual(
      first(nodeSource("COPY --from=node /opt/node-v12.18.3-linux-x64/bin/node /usr/bin/")).data.tie,
      "the copied '/opt/node-v12.18.3-linux-x64'",
    );
    // A stage built on the old image's stage copies out the same contents.
    assert.strictEqual(
      first("FROM node:12-slim AS node\nFROM node AS tools\nFROM debian:bookworm\nCOPY --from=tools /opt/yarn-v1.22.4 /opt/yarn\n").messageId,
      "endOfLifeTied",
    );
  });
  it("leaves version-free paths, and paths the stages write or spell the version of, to the named move", () => {
    assert.strictEqual(
      first(nodeSource("COPY --from=node /usr/local/bin/node /usr/local/bin\nCOPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules"))
        .messageId,
      "endOfLife",
    );
    const built =
      "FROM node:12-slim AS build\nWORKDIR /src\nCOPY . .\nRUN npm run build\nFROM nginx:1.29\nCOPY --from=build /src/dist/app-1.2.3.js /usr/share/nginx/html/\n";
    assert.strictEqual(first(built).messageId, "endOfLife");
    const fetched =
      "FROM node:12 AS b\nARG TOOL=1.2.3\nRUN curl -L https://x/tool-$TOOL.tgz | tar xz -C /opt\nFROM debian:bookworm\nCOPY --from=b /opt/tool-1.2.3 /opt/tool\n";
    assert.strictEqual(first(fetched).messageId, "endOfLife");
    assert.strictEqual(first("FROM node:12 AS b\nFROM debian:bookworm\nCOPY --from=b /opt/tool-${V} /opt/tool\n").messageId, "endOfLife");
  });
  it("keeps the image's own version where only its distribution variant moves", () => {
    assert.strictEqual(first("FROM python:3.11-alpine3.17 AS b\nFROM scratch\nCOPY --from=b /usr/local/lib/python3.11 /py\n").messageId, "endOfLife");
    assert.strictEqual(first("FROM python:3.11-alpine3.17 AS b\nFROM scratch\nCOPY --from=b /usr/lib/libssl.so.1.1 /lib/\n").messageId, "endOfLifeTied");
  });
});

describe("base-image-deprecated: the releases a Python lock installs", () => {
  const POETRY =
    'FROM python:3.8-slim\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN pip install poetry && python -m poetry install --no-root\nCMD ["app"]\n';
  const PYPROJECT = '[tool.poetry.dependencies]\npython = "^3.7"\npyyaml = ">=3.11"\n';
  const lock = (...packages: [string, string, string?][]) =>
    packages.map(([name, version, category = "main"]) => `[[package]]\nname = "${name}"\nversion = "${version}"\ncategory = "${category}"\n`).join("\n") +
    '\n[metadata]\nlock-version = "1.1"\npython-versions = "^3.7"\n';
  const first = (code: string, files: Record<string, string>, rootEntries?: string[]) => findingsOf(rule, code, { files, rootEntries })[0];
  const outputOf = (code: string, files: Record<string, string>) => first(code, files).suggestions[0]?.edits[0]?.newText;

  it("ties nothing to a lock the host listed but did not read: its releases are unknown", () => {
    const f = first(POETRY, { "pyproject.toml": PYPROJECT }, ["Dockerfile", "pyproject.toml", "poetry.lock"]);
    assert.strictEqual(f.messageId, "endOfLife");
    // Read as nothing: no lock is empty, so nothing is known of it either.
    assert.strictEqual(first(POETRY, { "pyproject.toml": PYPROJECT, "poetry.lock": "" }).messageId, "endOfLife");
    const uv = "FROM python:3.10-bookworm\nWORKDIR /srv\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-dev\n";
    assert.strictEqual(first(uv, { "uv.lock": "" }).messageId, "endOfLife");
  });
  it("stops the move at the newest Python every locked compiled release has wheels for", () => {
    // cffi 1.16.0 has wheels up to CPython 3.12 (1.17.0 adds 3.13).
    const cffi116 = lock(["attrs", "23.1.0"], ["cffi", "1.16.0"], ["pyyaml", "6.0.2"]);
    assert.strictEqual(outputOf(POETRY.replace("3.8", "3.10"), { "poetry.lock": cffi116 }), "python:3.12-slim");
    // Releases with 3.14 wheels leave the newest Python named.
    assert.strictEqual(outputOf(POETRY, { "poetry.lock": lock(["cffi", "2.0.0"], ["pyyaml", "6.0.3"]) }), "python:3.14-slim");
    // Pipfile.lock's default packages, pinned with `==`.
    const pipfile = '{"_meta": {}, "default": {"pyyaml": {"hashes": ["sha256:0"], "version": "==6.0.1"}}, "develop": {}}';
    const pipenv = "FROM python:3.9-slim\nWORKDIR /app\nCOPY Pipfile Pipfile.lock ./\nRUN pipenv install --system --deploy\n";
    assert.strictEqual(outputOf(pipenv, { "Pipfile.lock": pipfile }), "python:3.12-slim");
    // An exact pin in a requirement file pip installs: PyYAML 6.0 has wheels up to 3.11.
    const pip = "FROM python:3.9-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n";
    assert.strictEqual(outputOf(pip, { "requirements.txt": "PyYAML==6.0\nrequests>=2\n" }), "python:3.11-slim");
  });
  it("moves exact requirement pins with a wide move, and a per-CPython pin in any requirement file pip installs", () => {
    // Held-out AP, docker-sphinx-doc: 3.6 -> 3.14 skips eight releases; sphinx==1.7.1 moves with it.
    const sphinx = "FROM python:3.6.4-alpine3.7\nWORKDIR /home/python\nCOPY requirements.pip ./\nRUN python -m pip install --requirement requirements.pip\n";
    const wide = first(sphinx, { "requirements.pip": "sphinx==1.7.1\n" });
    assert.deepStrictEqual([wide.messageId, wide.data.path], ["endOfLifePinned", "requirements.pip"]);
    // Ranges are no pins; a file pip does not install says nothing.
    assert.strictEqual(first(sphinx, { "requirements.pip": "sphinx>=1.7\n" }).messageId, "endOfLife");
    assert.strictEqual(first(sphinx.replace(/--requirement requirements.pip/, "sphinx"), { "requirements.pip": "sphinx==1.7.1\n" }).messageId, "endOfLife");
    // Held-out AO, deepface: tensorflow builds wheels per CPython minor, pinned in requirements_local.
    const deepface = "FROM python:3.8.12\nCOPY requirements_local /app/\nRUN pip install -r /app/requirements_local\n";
    const perPython = first(deepface, { requirements_local: "tensorflow==2.13.1\n" });
    assert.deepStrictEqual([perPython.messageId, perPython.data.path], ["endOfLifePinned", "requirements_local"]);
  });
  it("names the compiled package and the lock when its locked release has wheels for no supported Python", () => {
    const f = first(POETRY, { "pyproject.toml": PYPROJECT, "poetry.lock": lock(["cffi", "1.15.0"], ["pyyaml", "6.0"]) });
    assert.strictEqual(f.messageId, "endOfLifeCapped");
    assert.strictEqual(f.message, "'python:3.8-slim' is Python 3.8, end of life; move it with 'cffi' in poetry.lock.");
    assert.strictEqual(f.suggestions.length, 0);
    // The manifests' own range accepts no supported Python either: pyproject.toml moves first.
    const capped = first(POETRY, { "pyproject.toml": '[tool.poetry.dependencies]\npython = ">=3.7,<3.9"\n' }, ["pyproject.toml", "poetry.lock"]);
    assert.strictEqual(capped.data.path, "pyproject.toml");
  });
  it("leaves the named move where the lock does not bind it", () => {
    const named = "'python:3.8-slim' is Python 3.8, end of life since 2024-10-07; move to 'python:3.14-slim'.";
    // A release with no wheel for the image's own Python (cffi 1.14 on 3.10) is built from source there already.
    assert.strictEqual(
      first(POETRY.replace("3.8", "3.10"), { "poetry.lock": lock(["cffi", "1.14.6"]) }).message,
      "'python:3.10-slim' is Python 3.10, end of life since 2026-10; move to 'python:3.14-slim'.",
    );
    // Dev packages an install without them leaves out.
    const dev = POETRY.replace("--no-root", "--no-root --without=dev");
    assert.strictEqual(first(dev, { "poetry.lock": lock(["pyyaml", "5.4.1", "dev"]) }).message, named);
    // An install that resolves afresh, and a lock no install reads.
    const upgraded = "FROM python:3.8-slim\nWORKDIR /srv\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --upgrade\n";
    assert.strictEqual(first(upgraded, { "uv.lock": "" }).message, named);
    assert.strictEqual(first("FROM python:3.8-slim\nCOPY . /app\nRUN pip install /app\n", {}, ["poetry.lock", "pyproject.toml"]).message, named);
    // Only the distribution variant moves: the locked releases keep their Python.
    const alpine = first(POETRY.replace("3.8-slim", "3.12-alpine3.19"), { "poetry.lock": "" });
    assert.strictEqual(alpine.messageId, "endOfLife");
  });
});

describe("base-image-deprecated: the requirement file a pinned move names", () => {
  it("names the included file whose pin caps Python, not the file pip was given", () => {
    const code =
      "FROM python:3.9-slim AS builder\nWORKDIR /app\nCOPY requirements ./requirements\nRUN pip wheel --no-deps --wheel-dir /wheels -r ./requirements/production.txt\n";
    const [finding] = findingsOf(rule, code, {
      files: { "requirements/production.txt": "-r base.txt\nsentry-sdk==2.60.0\n", "requirements/base.txt": "Django==3.2.25\n" },
    });
    assert.strictEqual(finding?.data.path, "requirements/base.txt");
  });
});

describe("base-image-deprecated: a start module that imports distutils", () => {
  const code =
    'FROM python:3.8.13-slim-bullseye\nWORKDIR /app\nCOPY . /app/\nRUN pip install -r /app/requirements.txt\nEXPOSE 5000\nCMD ["python3", "app.py"]\n';

  it("ties a move past Python 3.12, which removed distutils, to the module (held-out CU, Pastey)", () => {
    const [finding] = findingsOf(rule, code, {
      files: { "app.py": "from flask import Flask\nfrom distutils.util import strtobool\n", "requirements.txt": "Flask~=2.2.2\n" },
    });
    assert.strictEqual(finding.messageId, "endOfLifeTied");
    assert.strictEqual(finding.data.tie, "'distutils', which app.py imports");
    assert.strictEqual(finding.data.line, 6);
  });

  it("moves the tag where the module imports no distutils", () => {
    const [finding] = findingsOf(rule, code, { files: { "app.py": "from flask import Flask\n# distutils is gone\n", "requirements.txt": "Flask~=2.2.2\n" } });
    assert.strictEqual(finding.messageId, "endOfLife");
  });
});

describe("base-image-deprecated: a locked install on a Python long past its end", () => {
  it("names the install of a project the image clones, whose lock holds releases of the old Python's time", () => {
    const code =
      "FROM python:3.6\nRUN pip3 install pipenv\nRUN git clone -b 2.x https://github.com/airnotifier/airnotifier.git /airnotifier\nWORKDIR /airnotifier\nRUN pipenv install --deploy\n";
    const [finding] = findingsOf(rule, code);
    assert.strictEqual(finding.data.tie, "'pipenv install --deploy'");
    assert.strictEqual(finding.data.line, 5);
  });

  it("names the install of a lock copied from the project too (held-out CT, Modmail: aiohttp 3.6.3 locked for Python 3.7)", () => {
    const code =
      'FROM python:3.7-alpine\nWORKDIR /modmailbot\nCOPY . /modmailbot\nRUN pip install pipenv && pipenv install --deploy --ignore-pipfile\nCMD ["pipenv", "run", "bot"]\n';
    const [finding] = findingsOf(rule, code);
    assert.strictEqual(finding.messageId, "endOfLifeTied");
    assert.strictEqual(finding.data.tie, "'pipenv install --deploy'");
    assert.strictEqual(finding.data.line, 4);
  });

  it("leaves a lock of a Python that ended lately to its releases (held-out AF, opencanary on 3.10)", () => {
    const code = "FROM python:3.10-slim\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN pip install uv && uv sync --frozen\n";
    const [finding] = findingsOf(rule, code);
    assert.notStrictEqual(finding.messageId, "endOfLifeTied");
  });
});
