# Shared by the scripts in this folder: build a module once and run its classes.
# Sourced, not run. Callers cd to the repository root first.

# Builds a module and the modules it depends on, without tests, quietly.
build_module() {
  local module=$1
  echo "building ${module} ..." >&2
  mvn -B -q -Dstyle.color=never -pl "${module}" -am install -DskipTests -Dspotless.check.skip=true >&2
}

# The runtime classpath of a built module: its classes and its dependencies' jars.
module_classpath() {
  local module=$1 scope=${2:-runtime}
  local cp_file="${module}/target/classpath-${scope}.txt"
  mvn -B -q -Dstyle.color=never -pl "${module}" dependency:build-classpath -Dmdep.includeScope="${scope}" \
    -Dmdep.outputFile="$(pwd)/${cp_file}" >&2
  if [ "${scope}" = test ]; then
    echo "${module}/target/test-classes:${module}/target/classes:$(cat "${cp_file}")"
  else
    echo "${module}/target/classes:$(cat "${cp_file}")"
  fi
}

# Builds a module, then runs one of its main classes from the directory the caller started in
# (passed first), so that relative paths among the arguments mean what the person meant.
# Replaces the shell.
run_main() {
  local caller_dir=$1 module=$2 main=$3
  shift 3
  build_module "${module}"
  local classpath
  classpath="$(pwd)/$(module_classpath "${module}")"
  cd "${caller_dir}"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
  exec java ${JAVA_OPTS:-} -cp "${classpath}" "${main}" "$@"
}

# Whether a file under the modules a bundled jar is built from is newer than $1: their main
# sources and resources, and the poms. (Tests do not go into the jar.) The harness jar also holds
# the emulator and the harnesses.
sources_newer_than() {
  local jar=$1
  [ -n "$(find pom.xml formaloo-io formaloo-emulator pipelines formaloo-harness -not -path '*/target/*' \
    \( -name pom.xml -o -path '*/src/main/*' \) -type f -newer "${jar}" -print -quit)" ]
}

# A module's bundled jar, built only when it is missing or older than its sources, so that a
# second run starts the job at once instead of spending seconds in Maven.
module_bundled_jar() {
  local module=$1 jar
  jar=$(ls "${module}"/target/"${module}"-*-bundled.jar 2>/dev/null | head -n 1 || true)
  if [ -z "${jar}" ] || sources_newer_than "${jar}"; then
    build_module "${module}"
    jar=$(ls "${module}"/target/"${module}"-*-bundled.jar | head -n 1)
  fi
  echo "${jar}"
}

# The pipelines' bundled jar (backfill, export, analytics): what a person deploys.
bundled_jar() {
  module_bundled_jar pipelines
}

# Runs a command of a bundled jar from the directory the caller started in (passed first), so
# that relative paths among the arguments mean what the person meant. Replaces the shell.
run_jar() {
  local caller_dir=$1 jar=$2 command=$3
  shift 3
  cd "${caller_dir}"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
  exec java ${JAVA_OPTS:-} -jar "${jar}" "${command}" "$@"
}

# Runs a command of the pipelines' jar (backfill, export, analytics).
run_pipeline() {
  local caller_dir=$1 command=$2
  shift 2
  run_jar "${caller_dir}" "$(pwd)/$(bundled_jar)" "${command}" "$@"
}

# Runs a command of the harness jar (demo, soak: the pipelines with an emulator in the process).
run_harness() {
  local caller_dir=$1 command=$2
  shift 2
  run_jar "${caller_dir}" "$(pwd)/$(module_bundled_jar formaloo-harness)" "${command}" "$@"
}
