// A shared library that asks for an executable stack (linked with -z execstack): a
// dlopen of it makes glibc turn the process's stacks executable (dlopen_execstack.c).
int execstack_answer(void) { return 42; }
