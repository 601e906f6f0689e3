# Creates the TLS material both servers use (a CA, a server certificate for 127.0.0.1, a client certificate) and
# the directory sysbench must run from, since sysbench 1.0 loads client-key.pem, client-cert.pem and cacert.pem
# from its working directory when --mysql-ssl=on.

# Validity of the generated certificates, in days; the files live only as long as one run.
readonly BENCH_CERT_DAYS=2
readonly BENCH_RSA_BITS=2048
readonly BENCH_CERT_FILES=(ca.pem server-cert.pem server-key.pem client-cert.pem client-key.pem)

# Writes ca.pem, server-cert.pem, server-key.pem, client-cert.pem, client-key.pem into $1 with openssl.
make_certs_with_openssl() {
  local dir=$1
  (
    cd "$dir"
    openssl req -x509 -newkey "rsa:${BENCH_RSA_BITS}" -nodes -days "$BENCH_CERT_DAYS" \
      -subj '/CN=TidalDB bench CA' -keyout ca-key.pem -out ca.pem
    openssl req -newkey "rsa:${BENCH_RSA_BITS}" -nodes -subj '/CN=127.0.0.1' \
      -keyout server-key.pem -out server.csr
    printf '%s\n' 'subjectAltName=IP:127.0.0.1,DNS:localhost' 'extendedKeyUsage=serverAuth' >server.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days "$BENCH_CERT_DAYS" \
      -extfile server.ext -out server-cert.pem
    openssl req -newkey "rsa:${BENCH_RSA_BITS}" -nodes -subj '/CN=root' -keyout client-key.pem -out client.csr
    printf '%s\n' 'extendedKeyUsage=clientAuth' >client.ext
    openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days "$BENCH_CERT_DAYS" \
      -extfile client.ext -out client-cert.pem
    rm -f server.csr client.csr server.ext client.ext
  ) >"$dir/openssl.log" 2>&1
}

# True when $1 holds every file in BENCH_CERT_FILES.
has_all_certs() {
  local file
  for file in "${BENCH_CERT_FILES[@]}"; do [[ -s $1/$file ]] || return 1; done
}

# Fills $2 with certificates: the project's own tidal-ssl-setup when it is built under repo root $1, else openssl.
# Then fills $3 with the file names sysbench expects. Prints which generator was used.
make_certs() {
  local repo=$1 dir=$2 client_dir=$3 setup="$1/dist/src/cli/tidal-ssl-setup.js" generator=openssl
  mkdir -p "$dir" "$client_dir"
  if [[ -f $setup ]] && command -v node >/dev/null 2>&1; then
    if node "$setup" --datadir="$dir" >"$dir/tidal-ssl-setup.log" 2>&1 && has_all_certs "$dir"; then
      generator=tidal-ssl-setup
    else
      log "tidal-ssl-setup failed (see ${dir}/tidal-ssl-setup.log); falling back to openssl"
    fi
  fi
  if [[ $generator == openssl ]]; then
    make_certs_with_openssl "$dir" || { cat "$dir/openssl.log" >&2; die "openssl could not create certificates"; }
  fi
  has_all_certs "$dir" || die "certificate generation left files missing in ${dir}"
  cp "$dir/client-key.pem" "$dir/client-cert.pem" "$client_dir/"
  cp "$dir/ca.pem" "$client_dir/cacert.pem"
  echo "$generator"
}

# Writes server-ecdsa-cert.pem / server-ecdsa-key.pem (P-256, signed by the CA in $1) into $1: the second key type
# TidalDB serves beside the RSA certificate, as its auto-tls does (MariaDB serves one certificate).
make_ecdsa_pair() {
  local dir=$1
  (
    cd "$dir"
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj '/CN=127.0.0.1' \
      -keyout server-ecdsa-key.pem -out server-ecdsa.csr
    printf '%s\n' 'subjectAltName=IP:127.0.0.1,DNS:localhost' 'extendedKeyUsage=serverAuth' >server-ecdsa.ext
    openssl x509 -req -in server-ecdsa.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days "$BENCH_CERT_DAYS" \
      -extfile server-ecdsa.ext -out server-ecdsa-cert.pem
    rm -f server-ecdsa.csr server-ecdsa.ext
  ) >"$dir/openssl-ecdsa.log" 2>&1 || { cat "$dir/openssl-ecdsa.log" >&2; die "openssl could not create the ECDSA pair"; }
}
