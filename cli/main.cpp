#include <cstdio>

int main() {
    std::puts("budgetpdf: under construction");
    return 0;
}
