# Writes the default /etc/civic-kiosk/kiosk.ini from the kiosk's own configuration printer
# (`kiosk --check-config` without a file prints every option with its help and default), with every
# assignment commented out: a commented key keeps the default of the installed version, so an
# upgrade that changes a default reaches kiosks that never set the key. `--provision` and an
# operator's edits un-comment the keys they set.
# usage: cmake -DKIOSK=path/to/kiosk -DVERSION=x.y.z -DOUT=file -P gen_config.cmake
execute_process(COMMAND "${KIOSK}" --check-config
  OUTPUT_VARIABLE printed RESULT_VARIABLE rc ERROR_VARIABLE errors)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "kiosk --check-config failed (${rc}): ${errors}")
endif()
string(REPLACE ";" "\\;" printed "${printed}")
string(REPLACE "\n" ";" lines "${printed}")
set(out "; /etc/civic-kiosk/kiosk.ini: the configuration of this kiosk (civic-kiosk ${VERSION}).\n")
string(APPEND out "; Every key is listed with its help and its default, commented out: a commented key keeps the\n")
string(APPEND out "; default. Set the identity, backend, secret and CA file with `civic-kiosk --provision`\n")
string(APPEND out "; (/usr/share/doc/civic-kiosk/operators/provision.md); check the file with\n")
string(APPEND out ";   civic-kiosk --check-config --config /etc/civic-kiosk/kiosk.ini\n")
string(APPEND out "; Mode 0640 root:civic-kiosk: it holds the backend secret. Staff-mode changes are kept in\n")
string(APPEND out "; /var/lib/civic-kiosk/settings.ini and win over this file.\n\n")
foreach(line IN LISTS lines)
  string(REPLACE "\\;" ";" line "${line}")
  string(REGEX REPLACE "[ \t]+$" "" line "${line}")
  if(line MATCHES "^[a-z_]+ =( |$)")
    string(APPEND out "; ${line}\n")
  else()
    string(APPEND out "${line}\n")
  endif()
endforeach()
string(REGEX REPLACE "\n+$" "\n" out "${out}")
file(WRITE "${OUT}.tmp" "${out}")
file(RENAME "${OUT}.tmp" "${OUT}")
