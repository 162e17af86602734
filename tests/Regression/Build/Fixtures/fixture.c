#include <stdio.h>
int fixture_greet(void) { return puts("fixture"); }
