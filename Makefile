# The First Secretary platform. `make run` starts everything on the embedded runtime; `make test`
# runs every test. Both need only Java 17: the Maven wrapper fetches Maven and the dependencies.

MVNW      := ./mvnw -B
PLATFORM  := infra/target/firstsec-infra-0.1.0-SNAPSHOT.jar
SOURCES   := $(shell find contracts infra services -path '*/target' -prune -o -type f \( -name '*.java' -o -name '*.yaml' -o -name '*.json' -o -name '*.properties' -o -name '*.xml' -o -name '*.html' -o -name '*.css' \) -print 2>/dev/null) pom.xml
STAMP     := target/.platform-built
ARGS      ?=
# the JVM that hosts the broker, the store and the mail server; each service's own JVM takes
# FIRSTSEC_SERVICE_JAVA_OPTS. A bounded heap that gives back what it no longer uses keeps the whole
# platform under 3 GB resident after load.
PLATFORM_JAVA_OPTS ?= -Xmx1g -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30

.PHONY: run test build bench faults fmt lint up down charts clean

run: $(STAMP) ## build if needed, then start the whole platform (Ctrl-C stops it)
	java $(PLATFORM_JAVA_OPTS) -jar $(PLATFORM) $(ARGS)

$(STAMP): $(SOURCES)
	$(MVNW) -q -DskipTests -pl e2e -am package
	@mkdir -p target && touch $(STAMP)

build: ## compile and package everything without tests
	$(MVNW) -DskipTests package

test: ## unit, integration, contract, chart and end-to-end tests
	$(MVNW) verify

bench: ## the platform against the machine's raw limits (table, bench-results.json, bench-latency.png); QUICK=1 for a short run
	$(MVNW) -q -DskipTests -pl e2e -am install
	$(MVNW) -pl e2e surefire:test -Dtest=PlatformBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.quick=$(if $(QUICK),true,false) "-DargLine=$(PLATFORM_JAVA_OPTS)"
ifdef QUICK
	$(MVNW) -pl services/assessment-service surefire:test -Dtest=RebuildBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.quick=true
else
	$(MVNW) -q -pl services/organisation-service surefire:test -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false
	$(MVNW) -q -pl e2e surefire:test -Dtest=GatewayIngestBenchmark -Dsurefire.failIfNoSpecifiedTests=false
	$(MVNW) -q -pl services/assessment-service surefire:test -Dtest=ProjectionBenchmark -Dsurefire.failIfNoSpecifiedTests=false
	$(MVNW) -pl services/assessment-service surefire:test -Dtest=RebuildBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx12g
endif

faults: ## the fault suite at full size: 100,000 activities while a consumer is killed ten times, the broker restarted and a relay killed, with bad and repeated records
	$(MVNW) -q -DskipTests -pl e2e -am install
	$(MVNW) -pl e2e surefire:test -Dtest=FaultToleranceIT -Dsurefire.failIfNoSpecifiedTests=false -Dfaults.full=true

fmt: ## format the Java sources
	$(MVNW) -q spotless:apply

lint: ## check formatting (also enforced by every build) and lint the Helm chart
	$(MVNW) -q spotless:check
	$(MVNW) -q -pl charts -am verify

up: build ## the same platform on real Kafka and MongoDB images (needs Docker)
	docker compose up --build

down:
	docker compose down

charts: ## lint and render the Helm chart
	$(MVNW) -q -pl charts verify

clean:
	$(MVNW) -q clean
	rm -rf target
