#include "runtime/dispatcher.h"
