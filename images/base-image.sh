#!/usr/bin/env bash
# Builds FraudShield's local JVM base image without a container engine or registry: a Java 17 runtime
# jlink'd from the installed JDK, the C libraries it links against (copied from this machine), a non-root
# user 185, no shell. Output: a `docker save` tarball (manifest.json, config, one gzipped layer) that Jib
# takes as its base with quarkus.jib.base-jvm-image=tar://<file> (docs/images.md).
#
# Reproducible: sorted entries, fixed owner and mtime, gzip without a name or time, so the same JDK and C
# libraries give the same bytes and the same digest (written next to the tarball, <file>.digest). The layout
# is eclipse-temurin's (/opt/java/openjdk, java on PATH), so the production base (a digest-pinned
# eclipse-temurin 17 JRE pulled from a registry) runs the same entrypoint.
#
# Usage: images/base-image.sh OUT.tar   (skips the work when OUT.tar was built from the same inputs)
set -euo pipefail
OUT=${1:?usage: images/base-image.sh OUT.tar}
JAVA_HOME=${BASE_IMAGE_JDK:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}
MODULES=java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.naming.dns,jdk.management,jdk.management.agent,jdk.jfr,jdk.zipfs,jdk.localedata
APP_UID=185
EPOCH=@0

grep -q '^JAVA_VERSION="17' "$JAVA_HOME/release" || { echo "base-image: $JAVA_HOME is not a JDK 17" >&2; exit 1; }
[[ -d "$JAVA_HOME/jmods" ]] || { echo "base-image: $JAVA_HOME has no jmods (Debian: apt-get install openjdk-17-jmods)" >&2; exit 1; }

# the inputs: this script, the JDK build, the C library build; unchanged inputs reuse the tarball
inputs=$(cat "$0" "$JAVA_HOME/release"; ldd --version | sed -n 1p)
inputs_sha=$(printf '%s' "$inputs" | sha256sum | cut -c1-64)
if [[ -f "$OUT" && -f "$OUT.inputs" && "$(cat "$OUT.inputs")" == "$inputs_sha" ]]; then
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/rootfs
mkdir -p "$root/opt/java" "$root/etc" "$root/tmp" "$root/work"

"$JAVA_HOME/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files \
  --compress=2 --output "$root/opt/java/openjdk"
# the JDK's CA bundle is a link into /etc on Debian: take the certificates themselves (public data)
if [[ -f /etc/ssl/certs/java/cacerts ]]; then
  cp --dereference /etc/ssl/certs/java/cacerts "$root/opt/java/openjdk/lib/security/cacerts"
fi

# every shared library the runtime links against, with the dynamic loader, at the same paths
find "$root/opt/java/openjdk" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
  | xargs -0 ldd 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\/.*ld-linux/ {print $1}' \
  | grep -v "^$root" | sort -u >"$work/libs"
while read -r lib; do
  mkdir -p "$root$(dirname "$lib")"
  cp --dereference "$lib" "$root$lib"
done <"$work/libs"

printf 'root:x:0:0:root:/root:/sbin/nologin\nfraudshield:x:%s:%s:FraudShield:/work:/sbin/nologin\n' \
  "$APP_UID" "$APP_UID" >"$root/etc/passwd"
printf 'root:x:0:\nfraudshield:x:%s:\n' "$APP_UID" >"$root/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$root/etc/nsswitch.conf"
chmod 1777 "$root/tmp"

layer=$work/layer.tar.gz
(cd "$root" && tar --sort=name --mtime="$EPOCH" --owner=0 --group=0 --numeric-owner \
   --mode='u+w,go-w' --format=posix --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
   -cf - .) >"$work/layer.tar"
diff_id=sha256:$(sha256sum "$work/layer.tar" | cut -c1-64)
gzip -n -6 <"$work/layer.tar" >"$layer"
layer_sha=$(sha256sum "$layer" | cut -c1-64)

jdk=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$JAVA_HOME/release")
libc=$(ldd --version | sed -n 1p)
cat >"$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
"config":{"User":"$APP_UID:$APP_UID","WorkingDir":"/work",
"Env":["PATH=/opt/java/openjdk/bin:/usr/bin:/bin","JAVA_HOME=/opt/java/openjdk","LANG=C.UTF-8"],
"Labels":{"io.fraudshield.base.jdk":"$jdk","io.fraudshield.base.libc":"$libc","io.fraudshield.base.modules":"$MODULES"}},
"rootfs":{"type":"layers","diff_ids":["$diff_id"]},
"history":[{"created":"1970-01-01T00:00:00Z","created_by":"images/base-image.sh"}]}
JSON
config_sha=$(sha256sum "$work/config.json" | cut -c1-64)

out_dir=$work/image
mkdir -p "$out_dir"
mv "$work/config.json" "$out_dir/$config_sha.json"
mv "$layer" "$out_dir/$layer_sha.tar.gz"
printf '[{"Config":"%s.json","RepoTags":["fraudshield/jre17-base:local"],"Layers":["%s.tar.gz"]}]\n' \
  "$config_sha" "$layer_sha" >"$out_dir/manifest.json"
mkdir -p "$(dirname "$OUT")"
(cd "$out_dir" && tar --sort=name --mtime="$EPOCH" --owner=0 --group=0 --numeric-owner -cf - manifest.json \
   "$config_sha.json" "$layer_sha.tar.gz") >"$OUT.part"
mv "$OUT.part" "$OUT"
echo "sha256:$config_sha" >"$OUT.digest"
echo "$inputs_sha" >"$OUT.inputs"
echo "base-image: $OUT (config sha256:$config_sha, $(du -h "$OUT" | cut -f1), JDK $jdk)"
