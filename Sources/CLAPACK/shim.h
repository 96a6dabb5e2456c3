// LAPACK's C interface (Debian liblapacke-dev); LAPACK itself comes from OpenBLAS
// (Debian points liblapack.so.3 at OpenBLAS's build when libopenblas is installed).
#include <lapacke.h>
